/**
 * Budget ({@code /budget}, menu "Anggaran"): next year's internet budget proposal from the plan of
 * record ({@link id.padu.budget.BudgetProposal}): central lines, what each agency still budgets and
 * what it no longer needs, totals against today's spend, the justification in Bahasa Indonesia,
 * and the XLSX ({@link id.padu.app.budget.BudgetXlsx}) that {@code padu budget --format xlsx}
 * writes too. Read-only: it stores nothing.
 */
package id.padu.app.budget;
