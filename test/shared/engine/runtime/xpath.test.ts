// XPath paths, predicates and secondary instances through the runtime, with expected values
// taken from the ODK XForms specification's examples (section names in the test names).
import { describe, expect, it } from 'vitest';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { compileForm, type Cell, type FormModel } from '../../../../shared/forms';
import { formOf } from './formFixture';

type Row = Record<string, string | number>;

function sheet(rows: readonly Row[]): { rows: Cell[][] } {
  const headers: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
  return { rows: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
}

/** A form with files shipped beside it (the loader's attachment reader, in memory). */
function formWithFiles(survey: readonly Row[], choices: readonly Row[], files: Record<string, string>): FormModel {
  const sheets: Record<string, { rows: Cell[][] }> = { survey: sheet(survey), settings: sheet([{ form_id: 'f', version: '1' }]) };
  if (choices.length > 0) sheets['choices'] = sheet(choices);
  const r = compileForm({ fileName: 'f.xlsx', sheets }, { attachment: (f) => files[f] ?? null });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.form;
}

// The spec's "Secondary Instances - Internal" example: cities with their country.
const CITIES: Row[] = [
  { list_name: 'cities', name: 'ams', label: 'Amsterdam', country: 'nl' },
  { list_name: 'cities', name: 'den', label: 'Denver', country: 'usa' },
  { list_name: 'cities', name: 'nyc', label: 'New York', country: 'usa' },
  { list_name: 'cities', name: 'dro', label: 'Dronten', country: 'nl' },
];

describe('XPath paths over the record (spec: XPath Paths, Primary Instance)', () => {
  it('reads /household/person/age-style absolute paths: /data/person/age', () => {
    const form = formOf([
      { type: 'begin group', name: 'person', label: 'P' },
      { type: 'integer', name: 'age', label: 'Age' },
      { type: 'end group' },
      { type: 'calculate', name: 'abs', calculation: '/data/person/age + 1' },
      { type: 'calculate', name: 'rel', calculation: '../person/age * 2' },
      { type: 'calculate', name: 'cur', calculation: 'current()/../person/age - 1' },
    ]);
    const rt = createFormRuntime(form);
    rt.setAnswer('age', 10);
    expect(rt.getValue('abs')).toBe('11');
    expect(rt.getValue('rel')).toBe('20');
    expect(rt.getValue('cur')).toBe('9');
    // Paths are in the dependency graph: a new answer re-evaluates them.
    rt.setAnswer('age', 30);
    expect(rt.getValue('abs')).toBe('31');
    expect(rt.getValue('cur')).toBe('29');
  });

  it('reads a bare name as a path under the question, which is empty: ${x} = null holds when x is empty (javarosa#322)', () => {
    const form = formOf([
      { type: 'text', name: 'x', label: 'X' },
      { type: 'calculate', name: 'isnull', calculation: "if(${x} = null, 'empty', 'filled')" },
      { type: 'calculate', name: 'notnull', calculation: "if(${x} != null, 'yes', 'no')" },
      { type: 'calculate', name: 'f', calculation: "if(false, 'T', 'F')" },
      { type: 'calculate', name: 'n', calculation: 'count(null)' },
    ]);
    const rt = createFormRuntime(form);
    expect(rt.getValue('isnull')).toBe('empty');
    expect(rt.getValue('notnull')).toBe('no');
    expect(rt.getValue('f')).toBe('F');
    expect(rt.getValue('n')).toBe('0');
    rt.setAnswer('x', 'a');
    expect(rt.getValue('isnull')).toBe('filled');
    expect(rt.getValue('notnull')).toBe('yes');
  });

  it('counts and sums repeat instances with predicates, and reads position() in a predicate', () => {
    const form = formOf([
      { type: 'begin repeat', name: 'member', label: 'M' },
      { type: 'text', name: 'mname', label: 'Name' },
      { type: 'integer', name: 'age', label: 'Age' },
      { type: 'end repeat' },
      { type: 'calculate', name: 'adults', calculation: 'count(/data/member[age >= 18])' },
      { type: 'calculate', name: 'adults2', calculation: 'count(${member}[age >= 18])' },
      { type: 'calculate', name: 'adult_years', calculation: 'sum(/data/member[age >= 18]/age)' },
      { type: 'calculate', name: 'second', calculation: '/data/member[position() = 2]/mname' },
      { type: 'calculate', name: 'last', calculation: '/data/member[count(/data/member)]/mname' },
      { type: 'calculate', name: 'oldest', calculation: 'max(/data/member/age)' },
      { type: 'calculate', name: 'names', calculation: "join(', ', /data/member[age < 18]/mname)" },
    ]);
    const rt = createFormRuntime(form);
    for (const [n, a] of [['An', 40], ['Bình', 12], ['Chi', 19]] as const) {
      const i = rt.addRepeatInstance('member');
      rt.setAnswer(`member[${i}]/mname`, n);
      rt.setAnswer(`member[${i}]/age`, a);
    }
    expect(rt.getValue('adults')).toBe('2');
    expect(rt.getValue('adults2')).toBe('2');
    expect(rt.getValue('adult_years')).toBe('59');
    expect(rt.getValue('second')).toBe('Bình');
    expect(rt.getValue('last')).toBe('Chi');
    expect(rt.getValue('oldest')).toBe('40');
    expect(rt.getValue('names')).toBe('Bình');
    rt.setAnswer('member[2]/age', 18);
    expect(rt.getValue('adults')).toBe('3');
    expect(rt.getValue('names')).toBe('');
  });

  it('reads .. and current() inside a repeat: a sibling, the instance index, the previous instance', () => {
    const form = formOf([
      { type: 'begin repeat', name: 'visit', label: 'V' },
      { type: 'integer', name: 'day', label: 'Day' },
      { type: 'calculate', name: 'idx', calculation: 'position(..)' },
      { type: 'calculate', name: 'twice', calculation: '../day * 2' },
      { type: 'calculate', name: 'prev', calculation: '/data/visit[position() = position(current()/..) - 1]/day' },
      { type: 'end repeat' },
    ]);
    const rt = createFormRuntime(form);
    rt.addRepeatInstance('visit');
    rt.addRepeatInstance('visit');
    rt.setAnswer('visit[1]/day', 3);
    rt.setAnswer('visit[2]/day', 5);
    expect(rt.getValue('visit[2]/idx')).toBe('2');
    expect(rt.getValue('visit[2]/twice')).toBe('10');
    expect(rt.getValue('visit[2]/prev')).toBe('3');
    expect(rt.getValue('visit[1]/prev')).toBe('');
  });

  it('reads /data/meta/instanceID as uuid:<the interview id> (spec: Metadata)', () => {
    const form = formOf([{ type: 'calculate', name: 'id', calculation: '/data/meta/instanceID' }]);
    const rt = createFormRuntime(form, { instanceId: '0b7d2c2e-1111-4222-8333-944445555666' });
    expect(rt.getValue('id')).toBe('uuid:0b7d2c2e-1111-4222-8333-944445555666');
  });
});

describe('secondary instances (spec: Secondary Instances - Internal)', () => {
  it("instance('cities')/root/item[country='nl'] selects ams and dro", () => {
    const form = formOf([
      { type: 'select_one cities', name: 'city', label: 'City' },
      { type: 'calculate', name: 'nl', calculation: "join(' ', instance('cities')/root/item[country = 'nl']/name)" },
      { type: 'calculate', name: 'n_usa', calculation: "count(instance('cities')/root/item[country = 'usa'])" },
      { type: 'calculate', name: 'label', calculation: 'instance(\'cities\')/root/item[name = ${city}]/label' },
      { type: 'calculate', name: 'country', calculation: 'instance(\'cities\')/root/item[name = current()/../city]/country' },
      { type: 'calculate', name: 'second', calculation: "instance('cities')/root/item[2]/name" },
    ], CITIES);
    const rt = createFormRuntime(form);
    expect(rt.getValue('nl')).toBe('ams dro');
    expect(rt.getValue('n_usa')).toBe('2');
    expect(rt.getValue('second')).toBe('den');
    expect(rt.getValue('label')).toBe('');
    rt.setAnswer('city', 'nyc');
    expect(rt.getValue('label')).toBe('New York');
    expect(rt.getValue('country')).toBe('usa');
  });

  it("jr:itext(itextId) reads a choice's label in the runtime's language (spec: jr:itext)", () => {
    const form = formOf([
      { type: 'select_one yn', name: 'a', label: 'A' },
      { type: 'calculate', name: 'lab', calculation: "jr:itext(instance('yn')/root/item[name = ${a}]/itextId)" },
    ], [
      { list_name: 'yn', name: 'y', 'label::Tiếng Việt (vi)': 'Có', 'label::English (en)': 'Yes' },
      { list_name: 'yn', name: 'n', 'label::Tiếng Việt (vi)': 'Không', 'label::English (en)': 'No' },
    ]);
    const vi = createFormRuntime(form, { language: 'vi' });
    vi.setAnswer('a', 'n');
    expect(vi.getValue('lab')).toBe('Không');
    const en = createFormRuntime(form, { language: 'en' });
    en.setAnswer('a', 'y');
    expect(en.getValue('lab')).toBe('Yes');
  });

  it('jr:choice-name accepts the /data/q path pyxform writes (spec: jr:choice-name)', () => {
    const form = formOf([
      { type: 'select_one cities', name: 'city', label: 'City' },
      { type: 'calculate', name: 'n', calculation: "jr:choice-name(${city}, '/data/city')" },
    ], CITIES);
    const rt = createFormRuntime(form);
    rt.setAnswer('city', 'dro');
    expect(rt.getValue('n')).toBe('Dronten');
  });

  it('an unknown instance is an evaluation error naming it', () => {
    const form = formOf([
      { type: 'text', name: 'x', label: 'X', constraint: "count(instance('nowhere')/root/item) > 0" },
    ]);
    const rt = createFormRuntime(form, { language: 'en' });
    rt.setAnswer('x', 'a');
    expect(rt.getError('x')?.message).toMatch(/nowhere/);
  });
});

const UNITS_CSV = 'name,label,district,population\n26734,Phường Bến Thành,Quận 1,"12,000"\n26737,Phường Sài Gòn,Quận 1,9000\n27127,"Xã Thạnh An, Cần Giờ",Cần Giờ,4500\n';

describe('pulldata() and files shipped with the form (spec: pulldata)', () => {
  it("pulldata('units', 'district', 'name', ${code}) is instance('units')/root/item[name = ${code}]/district", () => {
    const form = formWithFiles([
      { type: 'text', name: 'code', label: 'Code' },
      { type: 'calculate', name: 'district', calculation: "pulldata('units', 'district', 'name', ${code})" },
      { type: 'calculate', name: 'same', calculation: "instance('units')/root/item[name = ${code}]/district" },
      { type: 'calculate', name: 'pop', calculation: "pulldata('units', 'population', 'name', ${code})" },
    ], [], { 'units.csv': UNITS_CSV });
    expect(form.attachments?.map((a) => a.file)).toEqual(['units.csv']);
    const rt = createFormRuntime(form);
    expect(rt.getValue('district')).toBe('');
    rt.setAnswer('code', '27127');
    expect(rt.getValue('district')).toBe('Cần Giờ');
    expect(rt.getValue('same')).toBe('Cần Giờ');
    rt.setAnswer('code', '26734');
    expect(rt.getValue('pop')).toBe('12,000');
    rt.setAnswer('code', '99999');
    expect(rt.getValue('district')).toBe('');
  });

  it('select_one_from_file offers, checks and labels the CSV rows', () => {
    const form = formWithFiles([
      { type: 'select_one_from_file units.csv', name: 'unit', label: 'Unit' },
      { type: 'calculate', name: 'ulabel', calculation: "jr:choice-name(${unit}, '${unit}')" },
    ], [], { 'units.csv': UNITS_CSV });
    const rt = createFormRuntime(form);
    expect(rt.availableChoices('unit').map((c) => c.name)).toEqual(['26734', '26737', '27127']);
    rt.setAnswer('unit', '26737');
    expect(rt.getValue('ulabel')).toBe('Phường Sài Gòn');
    expect(rt.getError('unit')).toBeNull();
    rt.setAnswer('unit', '11111');
    expect(rt.getError('unit')?.kind).toBe('type');
  });

  it('select_one_from_file reads the value= and label= parameters and filters on extra columns', () => {
    const form = formWithFiles([
      { type: 'text', name: 'd', label: 'District' },
      { type: 'select_one_from_file units.csv', name: 'unit', label: 'Unit', parameters: 'value=label label=name', choice_filter: 'district = ${d}' },
    ], [], { 'units.csv': UNITS_CSV });
    const rt = createFormRuntime(form);
    rt.setAnswer('d', 'Quận 1');
    expect(rt.availableChoices('unit').map((c) => c.name)).toEqual(['Phường Bến Thành', 'Phường Sài Gòn']);
  });

  it('warns, without failing, when a named file is not beside the form', () => {
    const sheets = {
      survey: sheet([
        { type: 'text', name: 'code', label: 'Code' },
        { type: 'calculate', name: 'x', calculation: "pulldata('frame', 'district', 'name', ${code})" },
      ]),
      settings: sheet([{ form_id: 'f', version: '1' }]),
    };
    const r = compileForm({ fileName: 'f.xlsx', sheets }, { attachment: () => null });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.code, w.expected])).toEqual([['missing_attachment', 'frame.csv']]);
    expect(r.warnings[0]?.messageEn).toMatch(/frame\.csv.*beside the form/);
  });
});

describe('${last-saved#name} (spec: jr://instance/last-saved)', () => {
  const survey: Row[] = [
    { type: 'text', name: 'enumerator', label: 'Enumerator', default: '' },
    { type: 'calculate', name: 'prev', calculation: '${last-saved#enumerator}' },
    { type: 'text', name: 'site', label: 'Site', calculation: "coalesce(${last-saved#site}, 'none')" },
    { type: 'begin repeat', name: 'r', label: 'R' },
    { type: 'integer', name: 'age', label: 'Age' },
    { type: 'end repeat' },
    { type: 'calculate', name: 'prev_ages', calculation: 'sum(${last-saved#age})' },
  ];

  it('reads the previous interview of the surveyor: a value, empty when none, a node-set inside a repeat', () => {
    const form = formOf(survey);
    const first = createFormRuntime(form);
    expect(first.getValue('prev')).toBe('');
    expect(first.getValue('site')).toBe('none');
    const rt = createFormRuntime(form, {
      lastSaved: [
        { path: 'enumerator', value: 'Lan' },
        { path: 'site', value: 'Chợ Lớn' },
        { path: 'r[1]/age', value: 30 },
        { path: 'r[2]/age', value: 12 },
      ],
    });
    expect(rt.getValue('prev')).toBe('Lan');
    expect(rt.getValue('site')).toBe('Chợ Lớn');
    expect(rt.getValue('prev_ages')).toBe('42');
  });

  it('is checked by the compiler: a last-saved name must be a question', () => {
    expect(() => formOf([{ type: 'calculate', name: 'p', calculation: '${last-saved#nobody}' }])).toThrow(/unknown|nobody/i);
  });
});

describe('select_one ${repeat_question} (select from repeat)', () => {
  it("offers the repeat's distinct answers and re-checks the choice when they change", () => {
    const form = formOf([
      { type: 'begin repeat', name: 'member', label: 'M' },
      { type: 'text', name: 'mname', label: 'Name' },
      { type: 'end repeat' },
      { type: 'select_one ${mname}', name: 'head', label: 'Head of household' },
      { type: 'calculate', name: 'head_label', calculation: "jr:choice-name(${head}, '${head}')" },
    ]);
    const rt = createFormRuntime(form);
    for (const n of ['An', 'Bình', 'An', '']) {
      const i = rt.addRepeatInstance('member');
      if (n) rt.setAnswer(`member[${i}]/mname`, n);
    }
    expect(rt.availableChoices('head').map((c) => c.name)).toEqual(['An', 'Bình']);
    rt.setAnswer('head', 'Bình');
    expect(rt.getError('head')).toBeNull();
    rt.setAnswer('member[2]/mname', 'Binh');
    expect(rt.getError('head')?.kind).toBe('type');
    expect(rt.availableChoices('head').map((c) => c.name)).toEqual(['An', 'Binh']);
  });

  it('is refused when the question is not inside a repeat (pyxform)', () => {
    expect(() => formOf([
      { type: 'text', name: 'x', label: 'X' },
      { type: 'select_one ${x}', name: 's', label: 'S' },
    ])).toThrow(/repeat/);
  });
});

describe('randomize=true on a select (parameters randomize, seed)', () => {
  const list = Array.from({ length: 12 }, (_x, i) => ({ list_name: 'l', name: `c${i + 1}`, label: `C${i + 1}` }));
  const names = list.map((c) => c.name);

  it('shuffles the choices with the seed: the same seed gives the same order, another seed another', () => {
    const form = formOf([
      { type: 'integer', name: 'seed', label: 'Seed' },
      { type: 'select_one l', name: 's', label: 'S', parameters: 'randomize=true seed=${seed}' },
      { type: 'select_one l', name: 'fixed', label: 'F', parameters: 'randomize=true seed=42' },
      { type: 'select_one l', name: 'plain', label: 'P' },
    ], list);
    const rt = createFormRuntime(form);
    rt.setAnswer('seed', 7);
    const a = rt.availableChoices('s').map((c) => c.name);
    expect([...a].sort()).toEqual([...names].sort());
    expect(a).not.toEqual(names);
    expect(createFormRuntime(form).availableChoices('fixed').map((c) => c.name)).toEqual(rt.availableChoices('fixed').map((c) => c.name));
    const again = createFormRuntime(form);
    again.setAnswer('seed', 7);
    expect(again.availableChoices('s').map((c) => c.name)).toEqual(a);
    again.setAnswer('seed', 8);
    expect(again.availableChoices('s').map((c) => c.name)).not.toEqual(a);
    expect(rt.availableChoices('plain').map((c) => c.name)).toEqual(names);
  });

  it('without a seed keeps one order while the interview is open', () => {
    const form = formOf([{ type: 'select_one l', name: 's', label: 'S', parameters: 'randomize=true' }], list);
    const rt = createFormRuntime(form);
    const first = rt.availableChoices('s').map((c) => c.name);
    expect(rt.availableChoices('s').map((c) => c.name)).toEqual(first);
    expect([...first].sort()).toEqual([...names].sort());
  });
});
