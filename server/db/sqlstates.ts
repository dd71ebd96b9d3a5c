// SQLSTATE codes the server tells apart (PostgreSQL, Appendix A: error codes).

/** A foreign key points to a missing row, or a row still referred to is deleted. */
export const FOREIGN_KEY_VIOLATION = '23503';
/** A unique index or constraint already holds this value. */
export const UNIQUE_VIOLATION = '23505';
/** A check constraint refused the row. */
export const CHECK_VIOLATION = '23514';
