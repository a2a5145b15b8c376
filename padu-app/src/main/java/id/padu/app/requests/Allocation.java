package id.padu.app.requests;

/** CIR (guaranteed) and MIR (ceiling) per direction, in bits per second. */
record Allocation(long downCirBps, long downMirBps, long upCirBps, long upMirBps) {

    Allocation {
        if (downCirBps < 0 || upCirBps < 0 || downMirBps < downCirBps || upMirBps < upCirBps) {
            throw new IllegalArgumentException("CIR must be at least 0 and MIR at least CIR, per direction");
        }
    }
}
