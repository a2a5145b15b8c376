package id.padu.shaping;

/**
 * One class as {@code tc -s class show} reports it.
 *
 * @param classId e.g. {@code 1:100}
 * @param parent  parent class id, or {@code root}
 * @param prio    HTB prio, -1 when not shown (inner classes)
 * @param rateBps rate in bits per second (as tc prints it, which may be rounded to 3 digits)
 * @param bytes   bytes sent through the class since it was created
 */
public record TcClass(String kind, String classId, String parent, int prio, long rateBps, long ceilBps, long bytes, long packets) {
}
