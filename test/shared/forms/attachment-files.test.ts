// The readers of XML and GeoJSON files shipped with a form: the tree and table they give, and
// hostile or broken input refused with an error naming the file and line (or feature).
import { describe, expect, test } from 'vitest';
import { compileForm, type Cell } from '../../../shared/forms';
import { parseGeoJsonFile } from '../../../shared/forms/geojson';
import { isXmlTree, MAX_XML_ATTRIBUTES, MAX_XML_DEPTH, MAX_XML_ELEMENTS, parseXmlFile, XmlFileError } from '../../../shared/forms/xml';

function xmlError(text: string): XmlFileError {
  try {
    parseXmlFile('cities.xml', text);
  } catch (err) {
    if (err instanceof XmlFileError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('XML files', () => {
  test('elements, attributes, leaf text (entities and CDATA decoded), layout whitespace dropped', () => {
    const tree = parseXmlFile('t.xml', '\ufeff<?xml version="1.0"?>\n<!-- towns -->\n<towns v="1">\n  <town id="a&amp;b"><n>A &lt; B</n><e/><c><![CDATA[<x>]]></c><s> </s></town>\n</towns>\n');
    expect(tree).toEqual({
      name: 'towns', attributes: { v: '1' },
      children: [{ name: 'town', attributes: { id: 'a&b' }, children: [{ name: 'n', text: 'A < B' }, { name: 'e' }, { name: 'c', text: '<x>' }, { name: 's', text: ' ' }] }],
    });
    expect(isXmlTree(tree)).toBe(true);
  });

  test('a DOCTYPE is refused at its line, so no entity is ever declared (XXE, billion laughs)', () => {
    const xxe = xmlError('<?xml version="1.0"?>\n\n<!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<r>&x;</r>');
    expect(xxe.line).toBe(3);
    expect(xxe.message).toBe('File "cities.xml", line 3: has a DOCTYPE declaration. KhaoSat reads no DTD and no declared entity (they can read other files on the machine or expand without bound); remove the <!DOCTYPE …> line.');
    expect(xxe.messageVi).toMatch(/^Tệp "cities\.xml", dòng 3: có khai báo DOCTYPE/);
    const laughs = '<!DOCTYPE l [\n<!ENTITY a "aaaaaaaaaa">\n' + Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('\n') + '\n]>\n<r>&j;</r>';
    const started = Date.now();
    expect(xmlError(laughs).line).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('an undeclared entity and a broken tag are errors naming the line', () => {
    expect(xmlError('<root>\n<item>\n<name>&nbsp;</name></item></root>').message).toBe('File "cities.xml", line 3: not well-formed XML (undefined entity).');
    expect(xmlError('<root>\n<item>\n<name>x</nam>\n</item></root>').message).toMatch(/^File "cities\.xml", line 3: not well-formed XML/);
    expect(xmlError('').message).toMatch(/^File "cities\.xml", line 1: not well-formed XML/);
    expect(xmlError('<a/>\n<b/>').message).toMatch(/line 2: not well-formed XML \(documents may contain only one root\)/);
  });

  test('depth, element and attribute counts are bounded while parsing', () => {
    const nest = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(() => parseXmlFile('d.xml', nest(MAX_XML_DEPTH))).not.toThrow();
    expect(xmlError(nest(MAX_XML_DEPTH + 1)).message).toMatch(/nests deeper than 32 levels/);
    const attrs = (n: number) => `<a ${Array.from({ length: n }, (_, i) => `x${i}="1"`).join(' ')}/>`;
    expect(() => parseXmlFile('d.xml', attrs(MAX_XML_ATTRIBUTES))).not.toThrow();
    expect(xmlError(attrs(MAX_XML_ATTRIBUTES + 1)).message).toMatch(/more than 64 attributes/);
    expect(xmlError(`<r>${'<i/>'.repeat(MAX_XML_ELEMENTS)}</r>`).message).toMatch(/more than 1000000 elements/);
  });

  test('isXmlTree refuses a tampered tree: too deep, wrong types', () => {
    let deep: Record<string, unknown> = { name: 'x' };
    for (let i = 0; i < MAX_XML_DEPTH; i++) deep = { name: 'a', children: [deep] };
    expect(isXmlTree(deep)).toBe(false);
    expect(isXmlTree({ name: 'a', text: 1 })).toBe(false);
    expect(isXmlTree({ name: 'a', attributes: { x: 1 } })).toBe(false);
    expect(isXmlTree({ name: 'a', children: {} })).toBe(false);
  });
});

describe('GeoJSON files', () => {
  test('a row per feature: geometry in ODK notation, properties in order met, id last unless a property', () => {
    const t = parseGeoJsonFile('p.geojson', JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 1, geometry: { type: 'Polygon', coordinates: [[[106, 10], [107, 10], [106, 11], [106, 10]], [[0, 0], [1, 1], [0, 0]]] }, properties: { title: 'A', n: 2.5, ok: true, none: null, nested: { a: 1 } } },
        { type: 'Feature', geometry: null, properties: null },
      ],
    }), 10);
    expect(t.columns).toEqual(['geometry', 'title', 'n', 'ok', 'none', 'nested', 'id']);
    expect(t.rows).toEqual([
      ['10 106 0 0; 10 107 0 0; 11 106 0 0; 10 106 0 0', 'A', '2.5', 'true', '', '{"a":1}', '1'],
      ['', '', '', '', '', '', ''],
    ]);
  });

  test('errors name the file and the line or feature', () => {
    const err = (text: string, max = 10) => {
      try {
        parseGeoJsonFile('p.geojson', text, max);
      } catch (e) {
        return [(e as Error).message, (e as { messageVi: string }).messageVi];
      }
      return null;
    };
    expect(err('{"type": "FeatureCollection",\n"features": [\n{"type": "Feature"\n]}')?.[0]).toMatch(/^File "p\.geojson", line 4: not valid JSON/);
    expect(err('[]')?.[0]).toMatch(/must be a GeoJSON FeatureCollection/);
    expect(err('{"type": "FeatureCollection", "features": {}}')?.[0]).toMatch(/has no "features" array/);
    expect(err('{"type": "FeatureCollection", "features": [{"type": "Feature"}, {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["a", 1]}}]}')).toEqual([
      'The file "p.geojson": feature 2 has a geometry "Point" that cannot be read; only Point, LineString and Polygon with valid [longitude, latitude] positions are read.',
      'Tệp "p.geojson": đối tượng thứ 2 có hình "Point" không đọc được; chỉ đọc Point, LineString và Polygon với toạ độ [kinh độ, vĩ độ] hợp lệ.',
    ]);
    expect(err('{"type": "FeatureCollection", "features": [{"type": "Feature"}, {"type": "Feature"}]}', 1)?.[0]).toMatch(/has 2 features, more than the limit of 1/);
  });
});

describe('errors of files in the compiled form', () => {
  const sheets = (rows: (string | null)[][]) => ({ survey: { rows: [['type', 'name', 'label', 'calculation'], ...rows] as Cell[][] }, settings: { rows: [['form_id', 'version'], ['f', '1']] as Cell[][] } });
  test('a bad file is one error, at the first row using it, naming the file and line', () => {
    const r = compileForm({ fileName: 'f.xlsx', sheets: sheets([
      ['select_one_from_file cities.xml', 'c', 'C', null],
      ['select_one_from_file cities.xml', 'd', 'D', null],
      ['calculate', 'n', null, "count(instance('cities')/root/item)"],
    ]) }, { attachment: (f) => (f === 'cities.xml' ? '<root>\n<item></root>' : null) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.row, e.expected, e.messageEn])).toEqual([
      ['invalid_attachment', 2, 'cities.xml', 'File "cities.xml", line 2: not well-formed XML (unexpected close tag).'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('an xml-external row with a bad file is the error of that row', () => {
    const r = compileForm({ fileName: 'f.xlsx', sheets: sheets([['text', 'a', 'A', null], ['xml-external', 'towns', null, null]]) }, { attachment: () => '<!DOCTYPE x><x/>' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.code, e.row])).toEqual([['invalid_attachment', 3]]);
  });
});
