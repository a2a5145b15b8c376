package id.padu.shaping;

/** RouterOS rendering: a queue tree with mangle marks, or simple queues per agency. */
public enum RouterOsMode {
    TREE, SIMPLE
}
