import { buildSchema, parse, validate } from 'graphql';
import { literalPath, variablePath } from './graphql-errors';

/** The field a refused request is about, from GraphQL's own messages and the query (issue 10). Pure: no app. */
describe('variablePath', () => {
  it.each([
    ['Variable "$input" got invalid value { a: 1 }; Field "currency" of required type "String!" was not provided.', 'input.currency'],
    ['Variable "$input" got invalid value { b: 2 } at "input.debtor"; Field "name" of required type "String!" was not provided.', 'input.debtor.name'],
    ['Variable "$input" of required type "InvoiceInput!" was not provided.', 'input'],
    ['Variable "$input" got invalid value { colour: "red" }; Field "colour" is not defined by type "InvoiceInput".', 'input.colour'],
    ['Variable "$input" got invalid value 10 at "input.lines[0].quantity"; Amounts and rates are sent as strings', 'input.lines.0.quantity'],
    ['Variable "$v" got invalid value "one"; Int cannot represent non-integer value: "one"', 'v'],
    ['Variable "$input" got invalid value "FIRM" at "input.debtor.kind"; Value "FIRM" does not exist in "DebtorKind" enum.', 'input.debtor.kind'],
  ])('%s -> %s', (message, path) => expect(variablePath(message)).toBe(path));

  it('names nothing for other messages', () => expect(variablePath('Syntax Error: Unexpected <EOF>.')).toBeUndefined());
});

describe('literalPath', () => {
  const schema = buildSchema(`type Query { a(x: Int!, o: I): Int } input I { n: [Int!], m: Int }`);
  it.each([
    ['{ a(x: "x") }', 'x'],
    ['{ a(x: 1, o: { m: "b" }) }', 'o.m'],
    ['{ a(x: 1, o: { n: [1, "b"] }) }', 'o.n.1'],
  ])('%s -> %s', (query, path) => {
    const [error] = validate(schema, parse(query));
    expect(literalPath(error)).toBe(path);
  });
});
