package io.kafmirror.engine.anomaly;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The compact binary form in which a detector's learned state is kept between runs (docs/anomalies.md, "Learned state
 * across restarts"): a version byte, then the detector's fields as unsigned LEB128 varints (counts, lengths, zigzagged
 * longs), IEEE floats (shares and logarithms, whose seventh digit no judgement depends on) and UTF-8 strings. A reader
 * refuses another version, a state cut off or followed by stray bytes, and a list longer than the detector keeps, with
 * an {@link IllegalArgumentException} naming the detector.
 */
final class LearnedState {

    private LearnedState() {
    }

    /** A state that is one list of values (the normal windows' measures), at {@code version}; empty for none. */
    static Optional<byte[]> ofReals(int version, Collection<Double> values) {
        return values.isEmpty() ? Optional.empty()
                : Optional.of(new Writer(version).realList(values).bytes());
    }

    /** The values of a state written by {@link #ofReals}, at most {@code max} of them. */
    static List<Double> reals(byte[] state, int version, String detector, int max) {
        Reader in = new Reader(state, version, detector);
        List<Double> values = in.realList(max);
        in.end();
        return values;
    }

    /** Writes one state, version byte first. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer(int version) {
            out.write(version);
        }

        Writer count(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
            return this;
        }

        Writer signed(long value) {
            return count((value << 1) ^ (value >> 63));
        }

        Writer real(double value) {
            int bits = Float.floatToIntBits((float) value);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write(bits >>> shift);
            }
            return this;
        }

        Writer text(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            count(bytes.length);
            out.write(bytes, 0, bytes.length);
            return this;
        }

        Writer signedList(Collection<Long> values) {
            count(values.size());
            values.forEach(this::signed);
            return this;
        }

        Writer realList(Collection<Double> values) {
            count(values.size());
            values.forEach(this::real);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Reads one state written by {@link Writer}. */
    static final class Reader {
        private final ByteBuffer in;
        private final String detector;

        /** A reader of {@code state}, which must be of {@code version}; {@code detector} names it in errors. */
        Reader(byte[] state, int version, String detector) {
            this.detector = detector;
            if (state == null || state.length == 0) {
                throw corrupt("it is empty");
            }
            this.in = ByteBuffer.wrap(state);
            int found = in.get() & 0xFF;
            if (found != version) {
                throw new IllegalArgumentException("The learned state of the " + detector + " is of encoding version "
                        + found + "; this kaf-mirror reads version " + version);
            }
        }

        long count(long max) {
            long value = raw();
            if (value < 0 || value > max) {
                throw corrupt("a count of " + Long.toUnsignedString(value) + " where at most " + max + " fits");
            }
            return value;
        }

        long signed() {
            long zigzag = raw();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        private long raw() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw corrupt("a number longer than 64 bits");
        }

        double real() {
            try {
                return Float.intBitsToFloat(in.getInt());
            } catch (BufferUnderflowException e) {
                throw corrupt("it is cut off");
            }
        }

        String text(int maxBytes) {
            int length = (int) count(maxBytes);
            if (in.remaining() < length) {
                throw corrupt("it is cut off");
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        List<Long> signedList(int max) {
            int size = (int) count(max);
            List<Long> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(signed());
            }
            return values;
        }

        List<Double> realList(int max) {
            int size = (int) count(max);
            List<Double> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(real());
            }
            return values;
        }

        /** Checks that nothing follows the state. */
        void end() {
            if (in.hasRemaining()) {
                throw corrupt(in.remaining() + " stray bytes follow it");
            }
        }

        private byte next() {
            if (!in.hasRemaining()) {
                throw corrupt("it is cut off");
            }
            return in.get();
        }

        private IllegalArgumentException corrupt(String why) {
            return new IllegalArgumentException("The learned state of the " + detector + " cannot be read: " + why);
        }
    }
}
