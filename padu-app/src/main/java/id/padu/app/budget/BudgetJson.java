package id.padu.app.budget;

import id.padu.app.shared.Json;
import id.padu.budget.Budget;
import java.util.List;

/**
 * The budget proposal's JSON contract ({@code padu budget --format json}, {@code GET /api/budget}),
 * field by field in the order of the output: the fields issue 17 names first, then the others (a
 * field added goes at the end of its object). Money in whole Rupiah; every total is the sum of its
 * lines to the rupiah.
 *
 * @param narrative the justification in Bahasa Indonesia, paragraphs separated by a blank line
 */
public record BudgetJson(int year, List<CentralLineJson> centralLines, List<AgencyJson> agencies, long centralTotalIdr,
                         long agenciesTotalIdr, long totalIdr, long statusQuoIdr, String narrative) {

    public static BudgetJson of(Budget b) {
        return new BudgetJson(b.year(), b.centralLines().stream().map(CentralLineJson::of).toList(),
                b.agencies().stream().map(AgencyJson::of).toList(), b.centralTotalIdr(), b.agenciesTotalIdr(), b.totalIdr(),
                b.statusQuoIdr(), b.narrative());
    }

    /** The JSON text, indented, ending with the platform's line separator (as the command line prints it). */
    public static String text(Budget b) {
        return Json.PRETTY.writeValueAsString(of(b)) + System.lineSeparator();
    }

    /**
     * One central line: {@code annualIdr = months x monthlyIdr + oneOffIdr}.
     *
     * @param provider    the ISP of an uplink; null for a link
     * @param kind        {@code uplink}, {@code upgrade} or {@code link}
     * @param agency      the agency a link connects; null for an uplink
     * @param fromMonth   first month paid (1 = January); the line runs to {@code fromMonth + months - 1}
     * @param oneOffIdr   installation paid in this year
     * @param accountCode {@code budget.account_code.central} or {@code .link}; empty when not set
     */
    public record CentralLineJson(String item, String provider, int months, long monthlyIdr, long annualIdr, String kind,
                                  String agency, int fromMonth, long oneOffIdr, String accountCode) {

        static CentralLineJson of(Budget.CentralLine l) {
            return new CentralLineJson(l.item(), l.provider(), l.months(), l.monthlyIdr(), l.annualIdr(), l.kind().code(),
                    l.agency(), l.fromMonth(), l.oneOffIdr(), l.accountCode());
        }
    }

    /**
     * One agency: what it still budgets for its own internet in the year and what it no longer
     * needs (the subscriptions the plan ends, by which its DPA can be lowered).
     *
     * @param central     whether the plan connects it centrally
     * @param cutoverDate its cutover date ({@code yyyy-mm-dd}); null for a local agency
     * @param monthsPaid  months of its own subscriptions paid in the year
     * @param monthlyIdr  its subscriptions' monthly cost today
     * @param accountCode {@code budget.account_code.agency}; empty when not set
     */
    public record AgencyJson(String code, long budgetIdr, long noLongerNeededIdr, String name, boolean central,
                             String cutoverDate, int monthsPaid, long monthlyIdr, String accountCode) {

        static AgencyJson of(Budget.AgencyLine a) {
            return new AgencyJson(a.code(), a.budgetIdr(), a.noLongerNeededIdr(), a.name(), a.central(),
                    a.cutoverDate() == null ? null : a.cutoverDate().toString(), a.monthsPaid(), a.monthlyIdr(), a.accountCode());
        }
    }
}
