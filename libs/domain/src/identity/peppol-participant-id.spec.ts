import { InvalidValueError } from '../errors';
import { PeppolParticipantId } from './peppol-participant-id';

function refusal(input: string) {
  try {
    PeppolParticipantId.parse(input, 'input.debtor.peppolId');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidValueError);
    const e = error as InvalidValueError;
    return { code: e.code, field: e.field };
  }
  throw new Error(`${input} was accepted`);
}

describe('Peppol participant ids (scheme:value)', () => {
  it.each([
    ['0007:5567123400', '0007:5567123400'],
    ['0007:556712-3400', '0007:5567123400'],
    [' 0192:923456783 ', '0192:923456783'],
    ['0088:7300010000001', '0088:7300010000001'],
  ])('accepts %s', (input, canonical) => {
    expect(PeppolParticipantId.parse(input).toString()).toBe(canonical);
  });

  it.each([
    ['9955:SE556712340001'], // Swedish VAT: withdrawn from the EAS list, not in Peppol 3.0.19
    ['0184:DK12345678'], // Danish CVR: a Peppol scheme, not one of our debtors'
    ['9999:123'], // no such scheme
  ])('refuses the scheme of %s, naming the field', (input) => {
    expect(refusal(input)).toEqual({ code: 'PEPPOL_ID_SCHEME', field: 'input.debtor.peppolId' });
  });

  it.each([['5567123400'], ['0007-5567123400'], ['EM:someone@example.se'], ['0007:556712340'], ['0192:92345678'], ['0088:730001000000']])('refuses the shape of %s', (input) => {
    expect(refusal(input)).toEqual({ code: 'PEPPOL_ID_FORMAT', field: 'input.debtor.peppolId' });
  });

  it.each([['0007:5567123401'], ['0192:923456784'], ['0088:7300010000002']])('refuses a wrong check digit in %s', (input) => {
    expect(refusal(input)).toEqual({ code: 'IDENTITY_NUMBER_CHECK_DIGIT', field: 'input.debtor.peppolId' });
  });
});
