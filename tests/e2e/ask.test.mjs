// Make the ask: from an empty app to a copied, personal referral request and a logged ask, with
// the draft surviving a reload on the way; a LinkedIn connection note that stays within 300
// characters however long the inputs; a warm introduction through a mutual contact; and the
// warning before a third request for names. Elements are found by role and label.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nav, open, setup } from './harness.mjs';

const env = setup();

async function setProfile(page, { resume = true } = {}) {
  await nav(page, 'Settings & data');
  await page.getByLabel('Your name').fill('Sam Rivera');
  await page.getByLabel('Headline').fill('Operations analyst, 6 years in logistics');
  await page.getByLabel('Skills and achievements').fill('Cut picking errors by 30%\nSQL and Python\nRan the 2023 peak season');
  if (resume) await page.getByLabel('Résumé link').fill('https://example.com/sam-cv.pdf');
  await page.getByLabel('Signature').fill('Sam');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();
}

/** A contact with judgements; `fields` are filled by their labels. */
async function addContact(page, fields, { strong = true } = {}) {
  await nav(page, 'Network');
  await page.getByRole('link', { name: /Add (your first )?contact/ }).first().click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('How well do they know you?').selectOption({ label: strong ? 'Very well' : 'Barely' });
  await page.getByLabel('How much do they like you?').selectOption({ label: strong ? 'Close' : 'Friendly' });
  await page.getByLabel('How much do they trust you?').selectOption({ label: strong ? 'Complete' : 'Unproven' });
  if (strong) await page.getByLabel('They know my work well enough to recommend it').check();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('heading', { level: 1, name: fields.Name }).waitFor();
}

function wizardStep(page, name) {
  return page.getByRole('heading', { name: new RegExp(`^Step \\d of 6: ${name}$`) }).waitFor();
}

async function next(page) {
  await page.getByRole('button', { name: 'Next' }).click();
}

/** Creates a goal from inside the wizard's first step. */
async function createGoal(page, { roles, company }) {
  const form = page.getByRole('form', { name: 'New goal' });
  if (company) await form.getByLabel('Targeted', { exact: true }).check();
  await form.getByLabel('Roles').fill(roles);
  if (company) await form.getByLabel('Company', { exact: true }).fill(company);
  await form.getByRole('button', { name: 'Save goal' }).click();
}

describe('make the ask', () => {
  it('goes from an empty app to a copied, personal referral request and a logged ask', async () => {
    const { context } = await env.context({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await open(page, env.server.url);
    await setProfile(page);
    await addContact(page, {
      Name: 'Ana Souza', Company: 'Maersk', Role: 'Planning lead', Email: 'ana@example.com',
      'Shared experiences': 'the 2022 port digitisation project',
    });

    // The wizard from the nav: no goal yet, so the first step offers to create one.
    await nav(page, 'Make the ask');
    await wizardStep(page, 'Goal');
    await next(page);
    await page.getByRole('alert').getByText('Pick a goal, or create one').waitFor();
    await createGoal(page, { roles: 'Supply chain planner', company: 'Maersk' });
    assert.equal(await page.getByLabel(/Supply chain planner at Maersk/).isChecked(), true, 'the new goal is picked');
    await next(page);

    // Who: Ana works there, ready, with her reasons.
    await wizardStep(page, 'Who');
    const atMaersk = page.getByRole('group', { name: 'At Maersk' });
    await atMaersk.getByText('Ready to ask').waitFor();
    await atMaersk.getByLabel(/Ana Souza/).check();
    await next(page);

    // What: a strong tie at the company is asked for a referral, and the reason says why.
    await wizardStep(page, 'What to ask');
    await page.getByText('Recommended for Ana Souza: Referral for the role').waitFor();
    assert.equal(await page.getByLabel(/^Referral for the role/).isChecked(), true);
    await next(page);

    // Make it personal: the shared experience comes from the contact; add an offer back.
    await wizardStep(page, 'Make it personal');
    assert.equal(await page.getByLabel('What you share with Ana').inputValue(), 'the 2022 port digitisation project');
    await page.getByLabel('What you can offer in return').fill('share the peak-season playbook I wrote');

    // The draft survives a reload, on the step it was on.
    await page.reload();
    await wizardStep(page, 'Make it personal');
    assert.equal(await page.getByLabel('What you can offer in return').inputValue(), 'share the peak-season playbook I wrote');
    await next(page);

    await wizardStep(page, 'Channel and tone');
    assert.equal(await page.getByLabel(/^E-mail/).isChecked(), true);
    await page.getByText('Suggested from how well you know each other: Casual.').waitFor();
    await next(page);

    // Review: a personal draft that names the role and company, the coach beside it.
    await wizardStep(page, 'Review and send');
    const message = page.getByLabel('Message', { exact: true });
    const body = await message.inputValue();
    for (const part of ['Ana', 'port digitisation project', 'Supply chain planner', 'Maersk', 'Cut picking errors by 30%', 'peak-season playbook']) {
      assert.ok(body.includes(part), `the draft mentions ${part}:\n${body}`);
    }
    assert.ok(!body.includes('['), `no gap is left in a complete draft:\n${body}`);
    assert.notEqual(await page.getByLabel('Subject').inputValue(), '');
    const coach = page.getByRole('list', { name: 'Coach checks' });
    await coach.getByText('Addressed by name').waitFor();
    assert.equal(await coach.getByText('To fix:').count(), 0, 'a complete draft passes every check');
    await page.getByRole('region', { name: 'Forwardable blurb' }).getByLabel('Forwardable blurb').waitFor();

    // The coach follows the user's edits.
    await message.fill(body.replace(/^[^\n]*/, 'To whom it may concern,'));
    await coach.getByText('To fix:').first().waitFor();
    await coach.getByText('Open with their name').waitFor();
    await message.fill(body);
    await page.getByText(/of \d+ checks pass/).waitFor();
    assert.equal(await coach.getByText('To fix:').count(), 0);

    // The mail link carries subject and body, encoded.
    const mail = await page.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
    assert.ok(mail.startsWith('mailto:ana@example.com?subject='), mail);
    assert.ok(mail.includes('%0D%0A'), 'line breaks are CRLF-encoded');

    // Copy, and read the clipboard back.
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('status').getByText('Copied.').first().waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), body);

    // Mark as sent: the ask is logged and the contact shows it.
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Souza' }).waitFor();
    await page.getByRole('status').getByText(/Logged: Referral for the role to Ana Souza/).waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Referral for the role (E-mail)').waitFor();
    const logged = page.getByRole('list', { name: 'Asks' })
      .getByRole('article', { name: 'Referral for the role · Supply chain planner at Maersk' });
    await logged.getByText(/^Waiting for a reply · follow up on/).waitFor();
    await logged.getByText('The message as sent').click();
    await logged.getByText(/^Subject: [\s\S]*port digitisation project/).waitFor();

    // The wizard starts afresh after a logged ask, here from Today.
    await nav(page, 'Today');
    await page.getByRole('main').getByRole('link', { name: 'Make the ask', exact: true }).click();
    await wizardStep(page, 'Goal');
  });

  it('keeps a LinkedIn connection note within 300 characters however long the inputs', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    await setProfile(page);
    const long = (phrase) => Array(12).fill(phrase).join(' and ');
    await addContact(page, {
      Name: 'Maximiliana Alexandrina Vandenberghe-Oosterhuis', Company: 'Maersk',
      // A shared experience may be up to 200 characters on one line.
      'Shared experiences': 'the long warehouse automation programme in Rotterdam, with its three sites, two vendors, the night-shift pilots and the quarterly steering committee reviews we ran together',
      'What I admire in their work': long('your keynote on resilient supply chains'),
    });
    await page.getByRole('link', { name: 'Make the ask' }).last().click();
    await wizardStep(page, 'Goal');
    await createGoal(page, { roles: 'Senior supply chain planning and control specialist', company: 'Maersk' });
    await next(page);
    await wizardStep(page, 'Who');
    await page.getByLabel(/Maximiliana/).first().check();
    await next(page);
    await next(page);
    await wizardStep(page, 'Make it personal');
    await page.getByLabel('What you can offer in return').fill(long('help with anything on forecasting'));
    await next(page);
    await page.getByLabel(/^LinkedIn connection note/).check();
    await next(page);
    await wizardStep(page, 'Review and send');
    const text = await page.getByLabel('Message', { exact: true }).inputValue();
    assert.ok([...text].length <= 300, `${[...text].length} characters:\n${text}`);
    assert.match(text, /^(Hi|Hey|Hello|Dear) Maximiliana/);
    await page.getByText(`${[...text].length} / 300 characters`).waitFor();
    assert.equal(await page.getByLabel('Subject').count(), 0, 'a connection note has no subject');
    // Typing past the limit is flagged, not silently cut.
    await page.getByLabel('Message', { exact: true }).fill(text + ' and one more thing'.repeat(20));
    await page.getByText(/too long for this channel/).waitFor();
  });

  it('asks a mutual contact for a warm introduction, and warns before a third request for names', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    await setProfile(page, { resume: false });
    await addContact(page, { Name: 'Bram de Vries', Company: 'Adyen' });
    // Bram knows someone at Picnic.
    const add = page.getByRole('form', { name: 'Add someone they know' });
    await add.getByLabel('Someone else').check();
    await add.getByLabel('Their name').fill('Inès Haddad');
    await add.getByLabel('Their company').fill('Picnic');
    await add.getByLabel('Their role').fill('Recruiter');
    await add.getByLabel('How well do they know them?').selectOption({ label: 'Very well' });
    await add.getByRole('button', { name: 'Add link' }).click();
    await page.getByRole('list', { name: 'Knows' }).getByText('Inès Haddad').waitFor();

    await nav(page, 'Make the ask');
    await createGoal(page, { roles: 'Operations analyst', company: 'Picnic' });
    await next(page);
    const through = page.getByRole('group', { name: 'Through someone you know' });
    await through.getByText('Knows Inès Haddad (Recruiter) at Picnic').waitFor();
    await through.getByLabel(/Bram de Vries/).check();
    await next(page);
    await page.getByText('Recommended for Bram de Vries: Warm introduction').waitFor();
    assert.equal(await page.getByLabel(/^Warm introduction/).isChecked(), true);
    await next(page);
    assert.equal(await page.getByLabel('Their name').inputValue(), 'Inès Haddad');
    assert.equal(await page.getByLabel('Include my résumé link').isDisabled(), true, 'no résumé link in the profile');
    await next(page);
    await next(page);
    const body = await page.getByLabel('Message', { exact: true }).inputValue();
    assert.ok(body.includes('Inès'), body);
    assert.equal(await page.getByRole('region', { name: 'Forwardable blurb' }).count(), 0, 'a blurb goes with referral requests');
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bram de Vries' }).waitFor();

    // Two requests for names to Bram for this goal; the third warns and waits for a decision.
    for (let n = 0; n < 3; n++) {
      await page.getByRole('link', { name: 'Make the ask' }).last().click();
      await wizardStep(page, 'Who');
      await through.getByLabel(/Bram de Vries/).check();
      await next(page);
      await page.getByLabel(/^One or two people to talk to/).check();
      if (n < 2) {
        assert.equal(await page.getByRole('alert').count(), 0);
        await next(page);
        await next(page);
        await next(page);
        await page.getByRole('button', { name: 'Mark as sent' }).click();
        await page.getByRole('heading', { level: 1, name: 'Bram de Vries' }).waitFor();
      }
    }
    await page.getByRole('alert').getByText(/already asked Bram de Vries for names 2 times/).waitFor();
    await next(page);
    await page.getByText('Tick “Ask anyway” under the warning').waitFor();
    await wizardStep(page, 'What to ask');
    await page.getByLabel('Ask anyway: I have a good reason').check();
    await next(page);
    await wizardStep(page, 'Make it personal');
  });
});
