/** Random valid Nordic numbers for tests (each test run shares one database, so they must not collide). */

function randomDigits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += Math.floor(Math.random() * 10).toString();
  return out;
}

export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function mod11CheckDigit(digits: string, weights: number[]): string | null {
  const sum = digits.split('').reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  const remainder = 11 - (sum % 11);
  if (remainder === 10) return null;
  return String(remainder === 11 ? 0 : remainder);
}

/** A Swedish aktiebolag number: group digit 5, month position >= 2. */
export function swedishCompanyNumber(): string {
  const nine = `55${2 + Math.floor(Math.random() * 8)}${randomDigits(6)}`;
  const ten = nine + luhnCheckDigit(nine);
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}

export function norwegianCompanyNumber(): string {
  for (;;) {
    const eight = `9${randomDigits(7)}`;
    const check = mod11CheckDigit(eight, [3, 2, 7, 6, 5, 4, 3, 2]);
    if (check !== null) return eight + check;
  }
}

export function swedishBankgiro(): string {
  const six = `5${randomDigits(5)}`;
  const seven = six + luhnCheckDigit(six);
  return `${seven.slice(0, 3)}-${seven.slice(3)}`;
}

export function norwegianBankAccount(): string {
  for (;;) {
    const ten = `1${randomDigits(9)}`;
    const check = mod11CheckDigit(ten, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (check !== null) return ten + check;
  }
}

/** A Swedish personnummer for someone born in the 1980s. */
export function swedishPersonalNumber(): string {
  const yy = String(80 + Math.floor(Math.random() * 10));
  const mm = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const dd = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const nine = `${yy}${mm}${dd}${randomDigits(3)}`;
  return `19${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}
