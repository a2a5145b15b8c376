/**
 * Cutover scheduling in waves within maintenance windows and outside blackouts, each date with its
 * reason (contract end against exit penalty), runbooks per agency with checklists and rollback
 * steps, and the tracking state that replanning starts from.
 */
package id.padu.migration;
