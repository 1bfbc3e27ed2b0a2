/** The shape of a dictionary in another language: every key of the English one, every value a string. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
