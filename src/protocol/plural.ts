/** A count and its noun, the noun plural (an added s) unless the count is 1: "1 line", "3 lines". */
export const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
