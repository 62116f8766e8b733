// Field schemas reused across the contract. Every string has a length limit so no
// input, however large, reaches the database unbounded.
import { z } from 'zod';

export const Id = z.string().uuid();
export const Timestamp = z.string().max(40); // ISO 8601, UTC
export const Name = z.string().trim().min(1).max(200);
export const ShortText = z.string().max(2_000);
export const LongText = z.string().max(100_000);
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);
