/**
 * Bandwidth requests: an agency operator asks for a new CIR/MIR with a reason, an engineer
 * previews the effect on the other agencies (padu-core's max-min sharing over stored usage) and
 * approves or declines with a note; an approval stores the agency's allocation override. Every
 * step lands in the audit log; e-mail goes out through SMTP.
 */
package id.padu.app.requests;
