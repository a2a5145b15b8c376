package id.padu.app.inventory;

import id.padu.app.usage.UsageStore;
import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.IpPrefix;
import id.padu.domain.Priority;
import id.padu.domain.Rupiah;
import id.padu.domain.Subscription;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import id.padu.app.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: agencies list, detail with subscriptions, and the edit forms. */
@Controller
class AgencyPages {

    private final InventoryService inventory;
    private final UsageStore usage;

    private final MessageSource messages;

    AgencyPages(InventoryService inventory, UsageStore usage, MessageSource messages) {
        this.inventory = inventory;
        this.usage = usage;
        this.messages = messages;
    }

    record AgencyRow(Agency agency, int subscriptions, long monthlyIdr) {
    }

    @GetMapping("/agencies")
    String list(@RequestParam(required = false) String q, Model model) {
        Map<String, List<Subscription>> subs = inventory.subscriptions(null).stream().map(Identified::value)
                .collect(Collectors.groupingBy(Subscription::agency));
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<AgencyRow> rows = new ArrayList<>();
        long total = 0;
        for (Agency a : inventory.agencies()) {
            if (!CurrentUser.maySee(a.code())) {
                continue; // an agency operator sees their own agency only, totals included
            }
            List<Subscription> mine = subs.getOrDefault(a.code(), List.of());
            long monthly = mine.stream().mapToLong(s -> s.monthlyCost().value()).sum();
            total += monthly;
            if (needle.isEmpty() || a.code().toLowerCase(Locale.ROOT).contains(needle)
                    || a.name().toLowerCase(Locale.ROOT).contains(needle)) {
                rows.add(new AgencyRow(a, mine.size(), monthly));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("totalMonthlyIdr", total);
        return "inventory/agencies";
    }

    @GetMapping("/agencies/{code}")
    String detail(@PathVariable String code, Model model) {
        Agency agency = inventory.agency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Identified<Subscription>> subs = inventory.subscriptions(code);
        model.addAttribute("agency", agency);
        model.addAttribute("subscriptions", subs);
        model.addAttribute("monthlyIdr", subs.stream().mapToLong(s -> s.value().monthlyCost().value()).sum());
        model.addAttribute("link", inventory.link(code).orElse(null));
        model.addAttribute("services", inventory.services(code));
        model.addAttribute("usageExtent", usage.extent(code).orElse(null));
        return "inventory/agency";
    }

    // ---- agency form

    static final class AgencyForm {
        public String code = "";
        public String name = "";
        public String kind = "lainnya";
        public String priority = "normal";
        public String prefixes = "";

        public void setCode(String v) { code = v == null ? "" : v.trim(); }
        public void setName(String v) { name = v == null ? "" : v.trim(); }
        public void setKind(String v) { kind = v; }
        public void setPriority(String v) { priority = v; }
        public void setPrefixes(String v) { prefixes = v == null ? "" : v.trim(); }
        public String getCode() { return code; }
        public String getName() { return name; }
        public String getKind() { return kind; }
        public String getPriority() { return priority; }
        public String getPrefixes() { return prefixes; }

        static AgencyForm of(Agency a) {
            AgencyForm f = new AgencyForm();
            f.code = a.code();
            f.name = a.name();
            f.kind = a.kind().code();
            f.priority = a.priority().code();
            f.prefixes = a.prefixes().stream().map(IpPrefix::toString).collect(Collectors.joining(" "));
            return f;
        }

        Agency toAgency(BindingResult errors) {
            if (!code.matches(Agency.CODE_PATTERN)) {
                errors.rejectValue("code", "agency.code.invalid");
            }
            if (name.isEmpty()) {
                errors.rejectValue("name", "field.required");
            }
            List<IpPrefix> parsed = new ArrayList<>();
            for (String p : prefixes.isEmpty() ? new String[0] : prefixes.split("\\s+")) {
                IpPrefix.parse(p).ifPresentOrElse(parsed::add,
                        () -> errors.rejectValue("prefixes", "agency.prefix.invalid", new Object[] {p}, null));
            }
            if (errors.hasErrors()) {
                return null;
            }
            return new Agency(code, name, AgencyKind.fromCode(kind).orElse(AgencyKind.LAINNYA),
                    Priority.fromCode(priority).orElse(Priority.NORMAL), parsed);
        }
    }

    private void formModel(Model model) {
        model.addAttribute("kinds", java.util.Arrays.stream(AgencyKind.values()).map(AgencyKind::code).toList());
        model.addAttribute("priorities", java.util.Arrays.stream(Priority.values()).map(Priority::code).toList());
        model.addAttribute("connectionKinds", java.util.Arrays.stream(ConnectionKind.values()).map(ConnectionKind::code).toList());
    }

    @GetMapping("/agencies/new")
    String newAgency(Model model) {
        model.addAttribute("form", new AgencyForm());
        model.addAttribute("isNew", true);
        formModel(model);
        return "inventory/agency-form";
    }

    @PostMapping("/agencies")
    String create(@ModelAttribute("form") AgencyForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        Agency a = form.toAgency(errors);
        if (a != null && inventory.agency(a.code()).isPresent()) {
            errors.rejectValue("code", "agency.code.exists");
        }
        if (errors.hasErrors()) {
            model.addAttribute("isNew", true);
            formModel(model);
            return "inventory/agency-form";
        }
        inventory.createAgency(a);
        flash.addFlashAttribute("saved", true);
        return "redirect:/agencies/" + a.code();
    }

    @GetMapping("/agencies/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        Agency agency = inventory.agency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("form", AgencyForm.of(agency));
        model.addAttribute("originalCode", code);
        model.addAttribute("isNew", false);
        formModel(model);
        return "inventory/agency-form";
    }

    @PostMapping("/agencies/{code}")
    String update(@PathVariable String code, @ModelAttribute("form") AgencyForm form, BindingResult errors, Model model,
                  RedirectAttributes flash) {
        Agency a = form.toAgency(errors);
        if (a != null && !a.code().equals(code) && inventory.agency(a.code()).isPresent()) {
            errors.rejectValue("code", "agency.code.exists");
        }
        if (errors.hasErrors()) {
            model.addAttribute("originalCode", code);
            model.addAttribute("isNew", false);
            formModel(model);
            return "inventory/agency-form";
        }
        try {
            inventory.updateAgency(code, a);
        } catch (InventoryException.Referenced e) {
            errors.rejectValue("code", "agency.code.carried", new Object[] {e.code, references(e)}, e.getMessage());
            model.addAttribute("originalCode", code);
            model.addAttribute("isNew", false);
            formModel(model);
            return "inventory/agency-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/agencies/" + a.code();
    }

    @PostMapping("/agencies/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes flash) {
        try {
            inventory.deleteAgency(code);
        } catch (InventoryException.Referenced e) {
            flash.addFlashAttribute("problem", messages.getMessage("agency.delete.referenced",
                    new Object[] {code, references(e)}, LocaleContextHolder.getLocale()));
            return "redirect:/agencies/" + code;
        } catch (InventoryException.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        flash.addFlashAttribute("deleted", code);
        return "redirect:/agencies";
    }

    /** What still refers to an agency, in the user's language: "2 permintaan bandwidth (#3, #5); ...". */
    private String references(InventoryException.Referenced e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> parts = new ArrayList<>();
        for (AgencyReferences.Reference r : e.references) {
            String part = messages.getMessage("agency.ref." + r.kind(), new Object[] {r.count()}, locale);
            parts.add(r.examples().isEmpty() ? part : part + " (" + r.examples() + ")");
        }
        return String.join("; ", parts);
    }

    // ---- subscription form (rates in Mbps as planners write them, money in whole Rupiah)

    static final class SubscriptionForm {
        public String provider = "";
        public String product = "";
        public String kind = "dedicated";
        public BigDecimal downMbps;
        public BigDecimal upMbps;
        public Long monthlyCostIdr;
        public Long installCostIdr;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public LocalDate startDate;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public LocalDate endDate;
        public Long exitPenaltyIdr;

        public String getProvider() { return provider; }
        public void setProvider(String v) { provider = v == null ? "" : v.trim(); }
        public String getProduct() { return product; }
        public void setProduct(String v) { product = v == null ? "" : v.trim(); }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public BigDecimal getDownMbps() { return downMbps; }
        public void setDownMbps(BigDecimal v) { downMbps = v; }
        public BigDecimal getUpMbps() { return upMbps; }
        public void setUpMbps(BigDecimal v) { upMbps = v; }
        public Long getMonthlyCostIdr() { return monthlyCostIdr; }
        public void setMonthlyCostIdr(Long v) { monthlyCostIdr = v; }
        public Long getInstallCostIdr() { return installCostIdr; }
        public void setInstallCostIdr(Long v) { installCostIdr = v; }
        public LocalDate getStartDate() { return startDate; }
        public void setStartDate(LocalDate v) { startDate = v; }
        public LocalDate getEndDate() { return endDate; }
        public void setEndDate(LocalDate v) { endDate = v; }
        public Long getExitPenaltyIdr() { return exitPenaltyIdr; }
        public void setExitPenaltyIdr(Long v) { exitPenaltyIdr = v; }

        static SubscriptionForm of(Subscription s) {
            SubscriptionForm f = new SubscriptionForm();
            f.provider = s.provider();
            f.product = s.product();
            f.kind = s.kind().code();
            f.downMbps = mbps(s.down());
            f.upMbps = mbps(s.up());
            f.monthlyCostIdr = s.monthlyCost().value();
            f.installCostIdr = s.installCost().value();
            f.startDate = s.startDate();
            f.endDate = s.endDate();
            f.exitPenaltyIdr = s.exitPenalty().value();
            return f;
        }

        private static BigDecimal mbps(BitRate r) {
            return BigDecimal.valueOf(r.bps()).movePointLeft(6).stripTrailingZeros();
        }

        Subscription toSubscription(String agency, BindingResult errors) {
            // Fields whose text did not convert (letters in a number) are already reported;
            // every other field is still checked, so the user sees all problems at once.
            if (provider.isEmpty()) {
                errors.rejectValue("provider", "field.required");
            }
            if (product.isEmpty()) {
                errors.rejectValue("product", "field.required");
            }
            rate("downMbps", downMbps, errors);
            rate("upMbps", upMbps, errors);
            money("monthlyCostIdr", monthlyCostIdr, true, errors);
            money("installCostIdr", installCostIdr, false, errors);
            money("exitPenaltyIdr", exitPenaltyIdr, false, errors);
            if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
                errors.rejectValue("endDate", "subscription.endBeforeStart");
            }
            if (errors.hasErrors()) {
                return null;
            }
            return new Subscription(agency, provider, product, ConnectionKind.fromCode(kind).orElse(ConnectionKind.DEDICATED),
                    BitRate.ofMbps(downMbps), BitRate.ofMbps(upMbps), Rupiah.of(monthlyCostIdr),
                    installCostIdr == null ? null : Rupiah.of(installCostIdr), startDate, endDate,
                    exitPenaltyIdr == null ? null : Rupiah.of(exitPenaltyIdr));
        }

        /** The most a rate may be, in the form's unit: {@link BitRate#MAX_BPS} is 1,000,000 Mbps. */
        static final BigDecimal MAX_MBPS = BigDecimal.valueOf(BitRate.MAX_BPS, 6);

        private static void rate(String field, BigDecimal v, BindingResult errors) {
            if (errors.hasFieldErrors(field)) {
                return;
            }
            if (v == null) {
                errors.rejectValue(field, "field.required");
            } else if (v.signum() < 0) {
                errors.rejectValue(field, "field.negative");
            } else if (v.compareTo(MAX_MBPS) > 0) {
                errors.rejectValue(field, "field.rateTooLarge", new Object[] {MAX_MBPS.stripTrailingZeros().toPlainString()}, null);
            }
        }

        private static void money(String field, Long v, boolean required, BindingResult errors) {
            if (errors.hasFieldErrors(field)) {
                return;
            }
            if (v == null) {
                if (required) {
                    errors.rejectValue(field, "field.required");
                }
            } else if (v < 0) {
                errors.rejectValue(field, "field.negative");
            } else if (v > Rupiah.MAX_IDR) {
                errors.rejectValue(field, "field.moneyTooLarge", new Object[] {Rupiah.format(Rupiah.MAX_IDR)}, null);
            }
        }
    }

    @GetMapping("/agencies/{code}/subscriptions/new")
    String newSubscription(@PathVariable String code, Model model) {
        Agency agency = inventory.agency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("agency", agency);
        model.addAttribute("form", new SubscriptionForm());
        model.addAttribute("subscriptionId", null);
        formModel(model);
        return "inventory/subscription-form";
    }

    @PostMapping("/agencies/{code}/subscriptions")
    String createSubscription(@PathVariable String code, @ModelAttribute("form") SubscriptionForm form, BindingResult errors,
                              Model model, RedirectAttributes flash) {
        Agency agency = inventory.agency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Subscription s = form.toSubscription(code, errors);
        if (s == null) {
            model.addAttribute("agency", agency);
            model.addAttribute("subscriptionId", null);
            formModel(model);
            return "inventory/subscription-form";
        }
        try {
            inventory.createSubscription(s);
        } catch (InventoryService.TotalTooLarge e) {
            errors.rejectValue(e.field(), "field.totalTooLarge", new Object[] {Rupiah.format(Rupiah.MAX_IDR)}, e.getMessage());
            model.addAttribute("agency", agency);
            model.addAttribute("subscriptionId", null);
            formModel(model);
            return "inventory/subscription-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/agencies/" + code;
    }

    @GetMapping("/subscriptions/{id}/edit")
    String editSubscription(@PathVariable long id, Model model) {
        Identified<Subscription> row = inventory.subscription(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("agency", inventory.agency(row.value().agency()).orElseThrow());
        model.addAttribute("form", SubscriptionForm.of(row.value()));
        model.addAttribute("subscriptionId", id);
        formModel(model);
        return "inventory/subscription-form";
    }

    @PostMapping("/subscriptions/{id}")
    String updateSubscription(@PathVariable long id, @ModelAttribute("form") SubscriptionForm form, BindingResult errors,
                              Model model, RedirectAttributes flash) {
        Identified<Subscription> row = inventory.subscription(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String code = row.value().agency();
        Subscription s = form.toSubscription(code, errors);
        if (s == null) {
            model.addAttribute("agency", inventory.agency(code).orElseThrow());
            model.addAttribute("subscriptionId", id);
            formModel(model);
            return "inventory/subscription-form";
        }
        try {
            inventory.updateSubscription(id, s);
        } catch (InventoryService.TotalTooLarge e) {
            errors.rejectValue(e.field(), "field.totalTooLarge", new Object[] {Rupiah.format(Rupiah.MAX_IDR)}, e.getMessage());
            model.addAttribute("agency", inventory.agency(code).orElseThrow());
            model.addAttribute("subscriptionId", id);
            formModel(model);
            return "inventory/subscription-form";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/agencies/" + code;
    }

    @PostMapping("/subscriptions/{id}/delete")
    String deleteSubscription(@PathVariable long id, RedirectAttributes flash) {
        Identified<Subscription> row = inventory.subscription(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        inventory.deleteSubscription(id);
        flash.addFlashAttribute("saved", true);
        return "redirect:/agencies/" + row.value().agency();
    }
}
