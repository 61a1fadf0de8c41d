// The messages themselves: an advice meeting asked for as advice (not as coffee), with the role and
// company even in a connection note; and the coach catching a phrase glued in after a preposition
// as it is typed into the editor, and letting go once it reads right. Elements are found by role
// and label.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nav, open, setup } from './harness.mjs';

const env = setup();

async function setProfile(page) {
  await nav(page, 'Settings & data');
  await page.getByLabel('Your name').fill('Sam Rivera');
  await page.getByLabel('Skills and achievements').fill('Cut picking errors by 30%\nSQL and Python');
  await page.getByLabel('Signature').fill('Sam');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();
}

/** A strong tie: they know, like and trust the user, and know their work. */
async function addContact(page, fields) {
  await nav(page, 'Network');
  await page.getByRole('link', { name: /Add (your first )?contact/ }).first().click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('How well do they know you?').selectOption({ label: 'Very well' });
  await page.getByLabel('How much do they like you?').selectOption({ label: 'Close' });
  await page.getByLabel('How much do they trust you?').selectOption({ label: 'Complete' });
  await page.getByLabel('They know my work well enough to recommend it').check();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('heading', { level: 1, name: fields.Name }).waitFor();
}

function wizardStep(page, name) {
  return page.getByRole('heading', { name: new RegExp(`^Step \\d of 6: ${name}$`) }).waitFor();
}

async function next(page) {
  await page.getByRole('button', { name: 'Next' }).click();
}

describe('messages', () => {
  it('asks for advice in an advice meeting, and the coach flags a glued phrase until it is fixed', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    await setProfile(page);
    // A shared experience typed as a clause, the way people do.
    await addContact(page, {
      Name: 'Sven Lindqvist', Company: 'Maersk',
      'Shared experiences': 'we rebuilt the billing pipeline together at Litware',
    });

    await nav(page, 'Make the ask');
    await wizardStep(page, 'Goal');
    const goal = page.getByRole('form', { name: 'New goal' });
    await goal.getByLabel('Targeted', { exact: true }).check();
    await goal.getByLabel('Roles').fill('Supply chain planner');
    await goal.getByLabel('Company', { exact: true }).fill('Maersk');
    await goal.getByRole('button', { name: 'Save goal' }).click();
    await next(page);

    await wizardStep(page, 'Who');
    await page.getByRole('group', { name: 'At Maersk' }).getByLabel(/Sven Lindqvist/).check();
    await next(page);

    await wizardStep(page, 'What to ask');
    await page.getByLabel(/^Advice meeting/).check();
    await next(page);
    await wizardStep(page, 'Make it personal');
    await next(page);
    await wizardStep(page, 'Channel and tone');
    await page.getByLabel(/^LinkedIn connection note/).check();
    await next(page);

    // Review: the draft asks for advice, with the role and the company, in under 300 characters.
    await wizardStep(page, 'Review and send');
    const message = page.getByLabel('Message', { exact: true });
    const body = await message.inputValue();
    assert.match(body, /advice/, body);
    assert.match(body, /20 to 30 minutes/, body);
    assert.ok(body.includes('Supply chain planner') && body.includes('Maersk'), body);
    assert.doesNotMatch(body, /coffee|lunch/i, body);
    assert.doesNotMatch(body, /^Dear/, 'a connection note does not open with “Dear”');
    assert.doesNotMatch(body, /from we/, body);
    assert.match(body, /thank/i, 'thanks fit in any channel');
    assert.ok([...body].length <= 300, `${[...body].length} characters:\n${body}`);
    const coach = page.getByRole('list', { name: 'Coach checks' });
    await coach.getByText('Reads as a sentence').waitFor();
    assert.equal(await coach.getByText('To fix:').count(), 0, `the draft passes every check:\n${body}`);

    // A phrase glued in after "from" is flagged with a one-line fix…
    const glued = 'Hi Sven, we know each other from we rebuilt the billing pipeline together at Litware. Could I ask '
      + 'for 20 to 30 minutes of your advice on the Supply chain planner role at Maersk? No worries if not. Thanks!';
    await message.fill(glued);
    const fix = coach.getByText('“from we rebuilt…” doesn\'t read right: try “from the time we rebuilt…”, or reword it.');
    await fix.waitFor();
    assert.equal(await coach.getByText('To fix:').count(), 1, 'only the glued phrase is wrong');

    // …and the flag clears once it reads right.
    await message.fill(glued.replace('from we rebuilt', 'from the time we rebuilt'));
    await fix.waitFor({ state: 'detached' });
    await page.getByText(/of \d+ checks pass/).waitFor();
    assert.equal(await coach.getByText('To fix:').count(), 0);

    // Asking for coffee instead of advice is not what was chosen.
    await message.fill(glued.replace('from we rebuilt', 'from the time we rebuilt')
      .replace('ask for 20 to 30 minutes of your advice on', 'take you out for coffee to talk about'));
    await coach.getByText(/This reads as a lunch or coffee invitation, but you chose advice meeting request/).waitFor();
  });
});
