// Goals: define the objective first. A general and a targeted goal with a pitch picked from the
// profile, an edit, archive and restore, a refused targeted goal, a delete, and a reload.
// Elements are found by role and label.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nav, open, setup, waitForServiceWorker } from './harness.mjs';

const env = setup();

const SKILLS = ['Cut picking errors by 30%', 'SQL and Python', 'Six Sigma green belt', 'Ran the 2023 peak season'];
const GENERAL = 'Operations analyst · Logistics · Rotterdam';
const TARGETED = 'Supply chain planner at Maersk';
const POSTING = 'https://careers.example.com/jobs/42';

async function setProfile(page) {
  await nav(page, 'Settings & data');
  await page.getByLabel('Your name').fill('Sam Rivera');
  await page.getByLabel('Skills and achievements').fill(SKILLS.join('\n'));
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();
}

function activeGoals(page) {
  return page.getByRole('list', { name: 'Active goals' });
}

function goalCard(page, title) {
  return activeGoals(page).getByRole('article', { name: title, exact: true });
}

describe('goals', () => {
  it('adds, edits, archives and restores goals, refuses a target without a company, and keeps them', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    await setProfile(page);

    await nav(page, 'Goals');
    await page.getByRole('heading', { name: 'No goals yet' }).waitFor();

    // A general goal: keep me in mind.
    await page.getByRole('button', { name: 'New goal', exact: true }).click();
    let form = page.getByRole('form', { name: 'New goal' });
    assert.equal(await form.getByLabel('General', { exact: true }).isChecked(), true, 'general is the default');
    assert.equal(await form.getByLabel('Company', { exact: true }).count(), 0, 'no company for a general goal');
    await form.getByLabel('Roles').fill('Operations analyst');
    await form.getByLabel('Industry').fill('Logistics');
    await form.getByLabel('Locations').fill('Rotterdam');
    await form.getByRole('button', { name: 'Save goal' }).click();
    await goalCard(page, GENERAL).waitFor();
    await goalCard(page, GENERAL).getByText('General · keep me in mind').waitFor();

    // A targeted goal without a company is refused, and nothing is saved.
    await page.getByRole('button', { name: 'New goal', exact: true }).click();
    form = page.getByRole('form', { name: 'New goal' });
    await form.getByLabel('Targeted', { exact: true }).check();
    await form.getByLabel('Roles').fill('Supply chain planner');
    await form.getByRole('button', { name: 'Save goal' }).click();
    await form.getByRole('alert').getByText('Company (for a targeted goal) is required').waitFor();
    assert.equal(await activeGoals(page).getByRole('article').count(), 1);

    // With a company, a posting link and a pitch picked from the profile, it is saved.
    await form.getByLabel('Company', { exact: true }).fill('Maersk');
    await form.getByLabel('Posting').fill(POSTING);
    const picks = form.getByRole('list', { name: 'From your profile' });
    for (const skill of SKILLS) await picks.getByLabel(skill).check();
    await form.getByRole('status').getByText('two or three strong points read better than a list').waitFor();
    await picks.getByLabel(SKILLS[3]).uncheck();
    assert.equal(await form.getByText('read better than a list').count(), 0, 'three points do not warn');
    await form.getByRole('button', { name: 'Save goal' }).click();
    const targeted = goalCard(page, TARGETED);
    await targeted.waitFor();
    await targeted.getByText('Targeted', { exact: true }).waitFor();
    assert.equal(await targeted.getByRole('link', { name: POSTING }).getAttribute('href'), POSTING);
    assert.deepEqual(await targeted.getByRole('list').getByRole('listitem').allInnerTexts(), SKILLS.slice(0, 3));
    assert.equal(await activeGoals(page).getByRole('article').count(), 2);

    // Edit the general goal in place: one more location.
    await goalCard(page, GENERAL).getByRole('button', { name: `Edit ${GENERAL}` }).click();
    form = page.getByRole('form', { name: `Edit ${GENERAL}` });
    assert.equal(await form.getByLabel('Roles').inputValue(), 'Operations analyst');
    await form.getByLabel('Locations').fill('Rotterdam, Antwerp');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const edited = `${GENERAL}, Antwerp`;
    await goalCard(page, edited).waitFor();
    assert.equal(await goalCard(page, GENERAL).count(), 0);

    // Archive the targeted goal, find it folded away, restore it.
    await targeted.getByRole('button', { name: `Archive ${TARGETED}` }).click();
    await page.getByRole('status').getByText(`Archived ${TARGETED}.`).waitFor();
    assert.equal(await goalCard(page, TARGETED).count(), 0);
    await page.getByText('Archived (1)').click();
    const archived = page.getByRole('list', { name: 'Archived goals' });
    await archived.getByText(TARGETED).waitFor();
    await archived.getByRole('button', { name: `Restore ${TARGETED}` }).click();
    await goalCard(page, TARGETED).waitFor();
    assert.equal(await page.getByText(/^Archived \(\d+\)$/).count(), 0);

    // Everything is still there after a reload, pitch included.
    await waitForServiceWorker(page);
    await page.reload();
    await activeGoals(page).waitFor();
    await goalCard(page, edited).waitFor();
    assert.deepEqual(
      await goalCard(page, TARGETED).getByRole('list').getByRole('listitem').allInnerTexts(),
      SKILLS.slice(0, 3),
    );
    await goalCard(page, TARGETED).getByRole('button', { name: `Edit ${TARGETED}` }).click();
    form = page.getByRole('form', { name: `Edit ${TARGETED}` });
    assert.equal(await form.getByLabel('Targeted', { exact: true }).isChecked(), true);
    assert.equal(await form.getByLabel('Company', { exact: true }).inputValue(), 'Maersk');
    assert.equal(await form.getByLabel(SKILLS[0]).isChecked(), true);
    assert.equal(await form.getByLabel(SKILLS[3]).isChecked(), false);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await goalCard(page, TARGETED).waitFor();
  });

  it('deletes a goal only after a confirmation', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    await nav(page, 'Goals');
    await page.getByRole('button', { name: 'Define your first goal' }).click();
    const form = page.getByRole('form', { name: 'New goal' });
    await form.getByLabel('Roles').fill('Data analyst');
    await form.getByRole('button', { name: 'Save goal' }).click();
    const card = goalCard(page, 'Data analyst');
    await card.getByRole('button', { name: 'Delete Data analyst' }).click();
    await card.getByRole('button', { name: 'Keep it' }).click();
    await card.getByRole('button', { name: 'Delete Data analyst' }).click();
    await card.getByRole('button', { name: 'Confirm delete' }).click();
    await page.getByRole('status').getByText('Deleted Data analyst.').waitFor();
    await page.getByRole('heading', { name: 'No goals yet' }).waitFor();
    await waitForServiceWorker(page);
    await page.reload();
    await page.getByRole('heading', { name: 'No goals yet' }).waitFor();
  });
});
