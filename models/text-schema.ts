import { z } from 'zod';

/**
 * Text that PostgreSQL's `text` type can store. It cannot hold the NUL character (U+0000): a
 * query with one fails inside the database, so a name or id with NUL is refused at validation,
 * as a 400 naming the field, instead.
 */
export const storableText = (schema: z.ZodString): z.ZodString => schema.regex(/^[^\u0000]*$/, 'must not contain the NUL character (U+0000)');

/** The name of a contract, portfolio or scenario (the saved objects' `name` column). */
export const NameSchema = storableText(z.string().min(1).max(200));
