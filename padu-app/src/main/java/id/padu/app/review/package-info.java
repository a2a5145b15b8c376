/**
 * Review rounds (pembahasan bersama): before a scenario is adopted as the plan of record, an
 * engineer puts it to the agencies. Each agency's operator reads only its own packet (today's
 * spend, its measured Q95, the decision and proposed CIR/MIR, the cutover date, its simulated
 * served share) and answers agree or object with a signer (name, NIP, position); the minutes
 * (berita acara) list every answer; adopting through the round makes the scenario the plan of
 * record. Sits on {@code planning} (scenarios, the plan of record) and the core analysis.
 */
package id.padu.app.review;
