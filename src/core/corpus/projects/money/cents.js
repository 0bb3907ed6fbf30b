// Sign, then either comma-grouped or plain digits, then at most two decimals.
const AMOUNT = /^(-?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Checks that a value is a safe whole number of cents.
 * @param {number} cents the amount
 * @returns {number} the same amount
 * @example assertCents(-250) // => -250
 */
export function assertCents(cents) {
  if (!Number.isSafeInteger(cents)) {
    throw new TypeError('amount must be a whole number of cents');
  }
  return cents;
}

/**
 * Parses a decimal amount such as '1,234.5' or '-0.99' into cents, without floating-point steps.
 * @param {string} text digits with optional sign, comma thousands separators and up to 2 decimals
 * @returns {number} the amount in cents
 * @example toCents('1,234.5') // => 123450
 */
export function toCents(text) {
  const m = typeof text === 'string' ? AMOUNT.exec(text.trim()) : null;
  if (m === null) {
    throw new Error('not a money amount: ' + text);
  }
  const whole = Number(m[2].split(',').join(''));
  const fraction = m[3] === undefined ? 0 : Number(m[3].padEnd(2, '0'));
  const cents = assertCents(whole * 100 + fraction);
  return m[1] === '-' && cents !== 0 ? -cents : cents;
}

/**
 * Inserts a separator every three digits from the right.
 * @param {string} digits a string of digits
 * @param {string} separator the group separator
 * @returns {string} the grouped digits
 * @example groupThousands('1234567', ',') // => '1,234,567'
 */
export function groupThousands(digits, separator = ',') {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    const fromRight = digits.length - i;
    if (i > 0 && fromRight % 3 === 0) {
      out += separator;
    }
    out += digits[i];
  }
  return out;
}

/**
 * Formats cents with a currency symbol, grouped thousands and two decimals.
 * @param {number} cents the amount
 * @param {string} symbol the currency symbol placed after the sign
 * @returns {string} e.g. '-$1,234.05'
 * @example formatMoney(-123405, '$') // => '-$1,234.05'
 */
export function formatMoney(cents, symbol = '$') {
  assertCents(cents);
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  const sign = cents < 0 ? '-' : '';
  return (
    sign + symbol + groupThousands(String(whole)) + '.' + (fraction < 10 ? '0' : '') + fraction
  );
}
