package id.padu.domain;

/** Down = from the internet toward the agency; up = from the agency toward the internet. */
public enum Direction {
    DOWN, UP
}
