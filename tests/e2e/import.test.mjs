// Import: a LinkedIn Connections.csv through the preview into the network, the same file again
// adding no one, undo, a broken file that changes nothing, messages.csv taking a contact off going
// cold, a spreadsheet's column mapping, a vCard dropped on the page, and sample data in and out.
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { addContact, nav, open, setup } from './harness.mjs';

const env = setup();

function daysAgo(n) {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return d;
}

function iso(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const CONNECTIONS = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ana,Souza,https://www.linkedin.com/in/ana-souza-e2e,,Maersk,Supply Chain Lead,09 Nov 2018',
  'Bram,de Vries,https://www.linkedin.com/in/bram-de-vries-e2e,bram@example.org,Litware,CTO,14 Feb 2021',
  '"Chloé","Martin",https://www.linkedin.com/in/chloe-martin-e2e,,"Contoso, Ltd.","Planner, EMEA",01 Mar 2024',
  ',,,,,,07 Jun 2026',
].join('\n');

function file(name, text, mimeType = 'text/csv') {
  return { name, mimeType, buffer: Buffer.from(text) };
}

async function importFiles(page, files) {
  await nav(page, 'Network');
  await page.getByRole('link', { name: 'Import contacts' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();
  await page.getByLabel('Files to import').setInputFiles(files);
}

describe('import', () => {
  it('Connections.csv → preview → confirm; again adds none; undo takes it back out', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    await importFiles(page, [file('Connections.csv', CONNECTIONS)]);

    await page.getByRole('heading', { name: '3 new contacts' }).waitFor();
    await page.getByText('LinkedIn connections, 3 entries').waitFor();
    const newList = page.getByRole('list', { name: 'New contacts' });
    await newList.getByText('Supply Chain Lead at Maersk').waitFor();
    await newList.getByText('Planner, EMEA at Contoso, Ltd.').waitFor();
    // The hidden profile's row is listed as skipped, with its line.
    await page.getByText(/Skipped and notes \(1\)/).click();
    await page.getByText(/Connections\.csv, line 8/).waitFor();
    // Nothing is written before the user confirms.
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vouch.c.')).length), 0);
    // Untick Chloé, then import.
    await page.getByLabel('Import Chloé Martin').uncheck();
    assert.equal(await page.getByLabel('Tag for this import').inputValue(), `LinkedIn ${iso(new Date()).slice(0, 7)}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Imported 2 new contacts.' }).waitFor();

    await nav(page, 'Network');
    await page.getByRole('link', { name: /Ana Souza/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Chloé Martin/ }).count(), 0);
    await page.getByRole('link', { name: /Ana Souza/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Souza' }).waitFor();
    await page.getByText('9 Nov 2018').waitFor();
    const profile = page.getByRole('link', { name: 'https://www.linkedin.com/in/ana-souza-e2e' });
    assert.equal(await profile.getAttribute('href'), 'https://www.linkedin.com/in/ana-souza-e2e');

    // The same file again: nobody new, Ana and Bram already there, Chloé offered as new.
    await importFiles(page, [file('Connections.csv', CONNECTIONS)]);
    await page.getByRole('heading', { name: '1 new contact' }).waitFor();
    await page.getByText(/2 already in your network with nothing new/).waitFor();
    await page.getByLabel('Import Chloé Martin').uncheck();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: /^Nothing to change/ }).waitFor();
    await nav(page, 'Network');
    assert.equal(await page.getByRole('link', { name: /Ana Souza/ }).count(), 1, 'no copy of Ana');

    // Undo the last import that added people: a new import of Chloé, undone from Settings.
    await importFiles(page, [file('Connections.csv', CONNECTIONS)]);
    await page.getByRole('heading', { name: '1 new contact' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: /Imported 1 new contact/ }).waitFor();
    await page.reload();
    await nav(page, 'Settings & data');
    await page.getByText(/The last import .* added 1 contact/).waitFor();
    await page.getByRole('button', { name: 'Undo the last import' }).click();
    await page.getByText(/Import undone: 1 new contact removed/).waitFor();
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Ana Souza/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Chloé Martin/ }).count(), 0);
  });

  it("LinkedIn's ZIP in one drop: connections, their messages, recommendations; Backers and Today work at once", async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    const fixture = (name) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;
    await importFiles(page, [
      { name: 'Basic_LinkedInDataExport_01-01-2026.zip', mimeType: 'application/zip', buffer: readFileSync(fixture('Basic_LinkedInDataExport_01-01-2026.zip')) },
      { name: 'Recommendations_Received.csv', mimeType: 'text/csv', buffer: readFileSync(fixture('Recommendations_Received.csv')) },
    ]);
    await page.getByRole('heading', { name: /^3 new contacts, 2 with a recent message, 2 who recommended you/ }).waitFor();
    await page.getByText(/› Connections\.csv/).first().waitFor();
    // Files of the archive Vouch does not need are listed with why.
    await page.getByText(/Skipped and notes/).click();
    await page.getByRole('list', { name: 'Skipped' }).getByText(/Profile\.csv/).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: /^Imported 3 new contacts/ }).waitFor();
    await page.getByRole('link', { name: 'See your backers' }).click();
    const backers = page.getByRole('list', { name: 'Backers' });
    await backers.getByText(/recommended you on LinkedIn/).first().waitFor();
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Ana Souza/ }).click();
    await page.getByRole('heading', { name: 'Their recommendation of you' }).waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText(/LinkedIn messages; the last one from you/).waitFor();
  });

  it('a whole section can be left out and put back', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    await importFiles(page, [file('Connections.csv', CONNECTIONS)]);
    await page.getByRole('heading', { name: '3 new contacts' }).waitFor();
    await page.getByRole('button', { name: 'Leave out all new contacts' }).click();
    assert.equal(await page.getByLabel('Import Ana Souza').isChecked(), false);
    assert.equal(await page.getByLabel('Import Chloé Martin').isChecked(), false);
    await page.getByRole('button', { name: 'Include all new contacts' }).click();
    assert.equal(await page.getByLabel('Import Ana Souza').isChecked(), true);
    await page.getByLabel('Import Bram de Vries').uncheck();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Imported 2 new contacts.' }).waitFor();
  });

  it('undo from the toast right after importing', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    await importFiles(page, [file('Connections.csv', CONNECTIONS)]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByText(/Import undone: 3 new contacts removed/).waitFor();
    await nav(page, 'Network');
    await page.getByRole('heading', { name: 'Your network is empty' }).waitFor();
  });

  it('a broken file gets a message naming the file and line, and changes nothing', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await importFiles(page, [
      file('broken.csv', 'First Name,Last Name,Company\nAna,Souza,Maersk\n"Bram,de Vries,Litware\n'),
      { name: 'photo.csv', mimeType: 'text/csv', buffer: png },
      file('empty.vcf', '', 'text/vcard'),
      file('cut.vcf', 'BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\n', 'text/vcard'),
    ]);
    const alert = page.getByRole('alert');
    await alert.getByText(/broken\.csv, line 3: a quote opened here is never closed/).waitFor();
    await alert.getByText(/photo\.csv is not a contacts file/).waitFor();
    await alert.getByText(/empty\.vcf is empty/).waitFor();
    await alert.getByText(/cut\.vcf, line 1: a vCard starts here but never ends/).waitFor();
    await alert.getByText('Nothing was changed because of them.').waitFor();
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vouch.')).length), 0);
    await nav(page, 'Network');
    await page.getByRole('heading', { name: 'Your network is empty' }).waitFor();
  });

  it('messages.csv takes a contact off going cold', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    // Ana, typed by hand with her profile link: monthly cadence, last call 100 days ago.
    await nav(page, 'Network');
    await page.getByRole('link', { name: 'Add your first contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ana Souza');
    await page.getByLabel('Profile URL').fill('https://www.linkedin.com/in/ana-souza-e2e/');
    await page.getByLabel('How well do they know you?').selectOption({ label: 'Very well' });
    await page.getByLabel('Keep in touch').selectOption({ label: 'Monthly' });
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Souza' }).waitFor();
    const form = page.getByRole('form', { name: 'Log a touch with Ana Souza' });
    await form.getByLabel('What happened').selectOption({ label: 'Call' });
    await form.getByLabel('When').fill(iso(daysAgo(100)));
    await form.getByRole('button', { name: 'Log touch' }).click();
    await nav(page, 'Today');
    await page.getByRole('list', { name: 'Going cold' }).getByText('Ana Souza').waitFor();

    const me = 'https://www.linkedin.com/in/sam-seeker-e2e';
    const ana = 'https://www.linkedin.com/in/ana-souza-e2e';
    const when = (d) => `${iso(d)} 14:03:22 UTC`;
    const messages = [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT',
      `c1,,Ana Souza,${ana},Sam Seeker,${me},${when(daysAgo(20))},,"Lovely to catch up!",INBOX,No`,
      `c1,,Sam Seeker,${me},Ana Souza,${ana},${when(daysAgo(3))},,"<p>Thanks Ana, talk soon</p>",INBOX,No`,
      `c2,,Sam Seeker,${me},Dev Stranger,https://www.linkedin.com/in/dev-e2e,${when(daysAgo(5))},,"Hi",INBOX,No`,
    ].join('\n');
    await importFiles(page, [file('messages.csv', messages)]);
    await page.getByRole('heading', { name: '0 new contacts, 1 with a recent message' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Imported 1 touchpoint from your history.' }).waitFor();
    await nav(page, 'Today');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByRole('list', { name: 'Going cold' }).count(), 0, 'nobody is going cold now');
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Ana Souza/ }).click();
    await page.getByRole('list', { name: 'Timeline' }).getByText('2 LinkedIn messages; the last one from you.').waitFor();
  });

  it('a spreadsheet column Vouch does not know can be mapped by the user', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    const sheet = 'Full Name;Employer Org;E-mail\nDana Lee;Northwind;dana@example.org\nEli Park;Fabrikam;eli@example.org\n';
    await importFiles(page, [file('people.csv', sheet)]);
    await page.getByRole('heading', { name: '2 new contacts' }).waitFor();
    const rows = page.getByRole('list', { name: 'New contacts' });
    assert.equal(await rows.getByText('Northwind').count(), 0);
    await page.getByLabel('Employer Org').selectOption({ label: 'Company' });
    await rows.getByText('Northwind').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: /Imported 2 new contacts/ }).waitFor();
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Dana Lee/ }).click();
    await page.getByRole('definition').filter({ hasText: /^Northwind$/ }).waitFor();
  });

  it('a vCard dropped anywhere on the page opens its preview', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Kofi;;;\r\nFN:Kofi Okafor\r\nORG:Tailspin Toys;Research\r\nitem1.EMAIL;type=INTERNET:kofi@example.org\r\nitem1.X-ABLabel:work\r\nEND:VCARD\r\n';
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'kofi.vcf', { type: 'text/vcard' }));
      return dt;
    }, card);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.getByText('Drop the files to import them').waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.getByText('Drop the files to import them').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '1 new contact' }).waitFor();
    await page.getByRole('list', { name: 'New contacts' }).getByText('kofi@example.org').waitFor();
  });

  it('duplicates already in the network: one pair merged, one kept apart across a reload', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    const add = (fields) => addContact(page, fields);
    await add({ Name: 'Ana Souza', Company: 'Maersk', Role: 'Planner' });
    await add({ Name: 'Ana  Souza', Company: 'MAERSK', Role: 'Planning lead' });
    await add({ Name: 'Bo Lind', Email: 'bo@example.org' });
    await add({ Name: 'Bodil Lind', Email: 'BO@example.org' });

    const review = async () => {
      await nav(page, 'Settings & data');
      await page.getByRole('link', { name: /Review people who are in your network twice/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Possible duplicates' }).waitFor();
      return page.getByRole('list', { name: 'Possible duplicates' });
    };
    let list = await review();
    await page.getByText('2 pairs to review.').waitFor();
    const bo = list.getByRole('listitem', { name: 'Bo Lind and Bodil Lind' });
    await bo.getByRole('button', { name: 'Not the same person' }).click();
    await page.getByText('1 pair to review.').waitFor();

    // The choice outlives the visit.
    await page.reload();
    list = await review();
    await page.getByText('1 pair to review.').waitFor();
    const ana = list.getByRole('listitem', { name: /^Ana Souza and Ana {1,2}Souza$/ });
    await ana.getByRole('group', { name: 'Role' }).getByLabel('Planning lead').check();
    await ana.getByRole('button', { name: 'Merge into Ana Souza' }).click();
    await page.getByText('Merged into Ana Souza.').waitFor();
    await page.getByRole('heading', { name: 'No duplicates found' }).waitFor();

    await nav(page, 'Network');
    await page.getByRole('status').getByText('3 contacts').waitFor();
    await page.getByRole('link', { name: /Ana Souza/ }).click();
    await page.getByText('Planning lead').first().waitFor();
  });

  it('sample data comes in with one click and goes with one click', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    await nav(page, 'Network');
    await page.getByRole('button', { name: 'Explore with sample data' }).click();
    await page.getByLabel('Search contacts').waitFor();
    await nav(page, 'Backers');
    await page.getByRole('list', { name: 'Backers' }).getByRole('listitem').first().waitFor();
    await nav(page, 'Today');
    await page.getByRole('heading', { name: 'Contact now' }).waitFor();
    await nav(page, 'Settings & data');
    await page.getByRole('button', { name: 'Remove sample data' }).click();
    await page.getByRole('button', { name: 'Explore with sample data' }).waitFor();
    await nav(page, 'Network');
    await page.getByRole('heading', { name: 'Your network is empty' }).waitFor();
  });
});

