// Secondary instances read from XML and GeoJSON files shipped with the form, through the runtime:
// xml-external trees with predicates and attribute steps, select_*_from_file lists from XML and
// GeoJSON. Expected values follow the ODK XForms specification's examples (section names in the
// test names) and JavaRosa's reading of GeoJSON.
import { describe, expect, it } from 'vitest';
import { checkFormJson } from '../../../../electron/forms/checkFormJson';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { compileForm, type Cell, type FormModel } from '../../../../shared/forms';

type Row = Record<string, string>;

function sheet(rows: readonly Row[]): { rows: Cell[][] } {
  const headers: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
  return { rows: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
}

function formWithFiles(survey: readonly Row[], files: Record<string, string>): FormModel {
  const sheets = { survey: sheet(survey), settings: sheet([{ form_id: 'f', version: '1' }]) };
  const r = compileForm({ fileName: 'f.xlsx', sheets }, { attachment: (f) => files[f] ?? null });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.form;
}

// The spec's secondary instance example (cities with their country), as an external XML file in
// the shape pyxform writes for choices: <root><item><itextId/><name/><country/></item>…</root>.
const CITIES_XML = `<?xml version="1.0" encoding="UTF-8"?>
<root>
  <item><itextId>static_instance-cities-0</itextId><name>ams</name><label>Amsterdam</label><country>nl</country></item>
  <item><itextId>static_instance-cities-1</itextId><name>den</name><label>Denver</label><country>usa</country></item>
  <item><itextId>static_instance-cities-2</itextId><name>nyc</name><label>New York</label><country>usa</country></item>
  <item><itextId>static_instance-cities-3</itextId><name>dro</name><label>Dronten</label><country>nl</country></item>
</root>
`;

// Any tree, with attributes: an xml-external instance is not limited to root/item.
const TOWNS_XML = `<towns region="south">
  <district code="760" name="Quận 1">
    <town id="26734" kind="phuong" pop="12000"><label>Phường Bến Thành</label></town>
    <town id="26737" kind="phuong" pop="9000"><label>Phường Sài Gòn</label></town>
  </district>
  <district code="787" name="Cần Giờ">
    <town id="27127" kind="xa" pop="4500"><label><![CDATA[Xã Thạnh An <đảo>]]></label></town>
  </district>
</towns>`;

describe('xml-external instances (spec: Secondary Instances - External, XPath Predicates)', () => {
  const form = () => formWithFiles([
    { type: 'xml-external', name: 'cities' },
    { type: 'xml-external', name: 'towns' },
    { type: 'text', name: 'country', label: 'Country' },
    { type: 'text', name: 'town', label: 'Town' },
    { type: 'calculate', name: 'names', calculation: "join(' ', instance('cities')/root/item[country = /data/country]/name)" },
    { type: 'calculate', name: 'first', calculation: "instance('cities')/root/item[country = ${country}][1]/label" },
    { type: 'calculate', name: 'kind', calculation: "instance('towns')/towns/district/town[@id = ${town}]/@kind" },
    { type: 'calculate', name: 'district', calculation: "instance('towns')/towns/district[town/@id = ${town}]/@name" },
    { type: 'calculate', name: 'tlabel', calculation: "instance('towns')/towns/district/town[@id = ${town}]/label" },
    { type: 'calculate', name: 'big', calculation: "count(instance('towns')/towns/district/town[@pop > 5000])" },
    { type: 'calculate', name: 'pop', calculation: "sum(instance('towns')/towns/district[@code = '760']/town/@pop)" },
    { type: 'calculate', name: 'region', calculation: "instance('towns')/towns/@region" },
    { type: 'calculate', name: 'attrs', calculation: "count(instance('towns')/towns/district[1]/town[1]/@*)" },
    { type: 'calculate', name: 'up', calculation: "instance('towns')/towns/district/town[@id = ${town}]/@kind/../../@code" },
    { type: 'calculate', name: 'none', calculation: "count(instance('towns')/towns/district/@missing)" },
  ], { 'cities.xml': CITIES_XML, 'towns.xml': TOWNS_XML });

  it("instance('cities')/root/item[country = /data/country] selects by the record's value", () => {
    const rt = createFormRuntime(form());
    expect(rt.getValue('names')).toBe('');
    rt.setAnswer('country', 'nl');
    expect(rt.getValue('names')).toBe('ams dro');
    expect(rt.getValue('first')).toBe('Amsterdam');
    rt.setAnswer('country', 'usa');
    expect(rt.getValue('names')).toBe('den nyc');
    expect(rt.getValue('first')).toBe('Denver');
  });

  it('attribute steps: in predicates, as the selected node, with * and followed by ..', () => {
    const rt = createFormRuntime(form());
    expect(rt.getValue('region')).toBe('south');
    expect(rt.getValue('big')).toBe('2');
    expect(rt.getValue('pop')).toBe('21000');
    expect(rt.getValue('attrs')).toBe('3');
    expect(rt.getValue('none')).toBe('0');
    expect(rt.getValue('kind')).toBe('');
    rt.setAnswer('town', '27127');
    expect(rt.getValue('kind')).toBe('xa');
    expect(rt.getValue('district')).toBe('Cần Giờ');
    expect(rt.getValue('tlabel')).toBe('Xã Thạnh An <đảo>');
    expect(rt.getValue('up')).toBe('787');
    rt.setAnswer('town', '26737');
    expect(rt.getValue('district')).toBe('Quận 1');
  });

  it('an attribute step on the record selects nothing (the record has no attributes)', () => {
    const f = formWithFiles([
      { type: 'text', name: 'a', label: 'A' },
      { type: 'calculate', name: 'n', calculation: 'count(/data/@id)' },
    ], {});
    expect(createFormRuntime(f).getValue('n')).toBe('0');
  });

  it('the form survives form.json (serialised and checked) with the same values', () => {
    const checked = checkFormJson(JSON.parse(JSON.stringify(form())), 'form.json');
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const rt = createFormRuntime(checked.form);
    rt.setAnswer('town', '26734');
    expect(rt.getValue('kind')).toBe('phuong');
    expect(rt.getValue('tlabel')).toBe('Phường Bến Thành');
  });
});

describe('select_*_from_file with an XML file (spec: Secondary Instances, itemsets)', () => {
  it('offers the items, filters on their elements, labels and checks answers', () => {
    const f = formWithFiles([
      { type: 'text', name: 'country', label: 'Country' },
      { type: 'select_one_from_file cities.xml', name: 'city', label: 'City', choice_filter: 'country = ${country}' },
      { type: 'calculate', name: 'lab', calculation: "jr:choice-name(${city}, '${city}')" },
      { type: 'calculate', name: 'c2', calculation: "instance('cities')/root/item[name = ${city}]/country" },
    ], { 'cities.xml': CITIES_XML });
    const rt = createFormRuntime(f);
    expect(rt.availableChoices('city').map((c) => c.name)).toEqual([]);
    rt.setAnswer('country', 'usa');
    expect(rt.availableChoices('city').map((c) => [c.name, c.labels['vi']])).toEqual([['den', 'Denver'], ['nyc', 'New York']]);
    rt.setAnswer('city', 'nyc');
    expect(rt.getValue('lab')).toBe('New York');
    expect(rt.getValue('c2')).toBe('usa');
    expect(rt.getError('city')).toBeNull();
    rt.setAnswer('city', 'par');
    expect(rt.getError('city')?.kind).toBe('type');
  });
});

const PLACES = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [106.698, 10.7725, 12] }, properties: { id: 'cho', title: 'Chợ Bến Thành', kind: 'market' } },
    { type: 'Feature', id: 'duong', geometry: { type: 'LineString', coordinates: [[106.7, 10.77], [106.71, 10.78]] }, properties: { title: 'Đường Lê Lợi', kind: 'road' } },
  ],
});

describe('select_*_from_file with a GeoJSON file (JavaRosa: GeoJSON external instance)', () => {
  it('an item per feature: value id, label title, geometry in ODK notation, properties as elements', () => {
    const f = formWithFiles([
      { type: 'select_multiple_from_file places.geojson', name: 'p', label: 'Places' },
      { type: 'select_one_from_file places.geojson', name: 'one', label: 'Place' },
      { type: 'calculate', name: 'geo', calculation: "instance('places')/root/item[id = ${one}]/geometry" },
      { type: 'calculate', name: 'markets', calculation: "count(instance('places')/root/item[kind = 'market'])" },
    ], { 'places.geojson': PLACES });
    const rt = createFormRuntime(f);
    expect(rt.availableChoices('p').map((c) => [c.name, c.labels['vi']])).toEqual([['cho', 'Chợ Bến Thành'], ['duong', 'Đường Lê Lợi']]);
    expect(rt.getValue('markets')).toBe('1');
    rt.setAnswer('one', 'duong');
    expect(rt.getValue('geo')).toBe('10.77 106.7 0 0; 10.78 106.71 0 0');
    rt.setAnswer('one', 'cho');
    expect(rt.getValue('geo')).toBe('10.7725 106.698 12 0');
    rt.setAnswer('p', ['duong', 'cho']);
    expect(rt.getError('p')).toBeNull();
  });
});
