package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the store keeps documents, keys and index entries in its file: BSON, the encoding the documents arrive in,
 * cheap to write and to read. Documents are kept as their BSON bytes and decoded only when read, so a page of the
 * file is loaded and written without decoding the documents on it.
 */
final class BsonTypes {

    private static final Comparator<Object> VALUES = ValueComparator.asc();

    /** The query engine's order, with the common cases (two strings, longs or doubles) taken without its checks. */
    static int compareValues(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x == -0.0 ? 0.0 : x, y == -0.0 ? 0.0 : y);
        }
        return VALUES.compare(a, b);
    }

    private BsonTypes() {}

    /**
     * A value as the query engine keeps it in an index key: numbers as doubles (unless a long that a double cannot
     * hold), {@code -0.0} as {@code 0.0}, missing as null, inside documents and lists too.
     */
    static Object normalize(Object value) {
        if (value == null || value instanceof Missing) {
            return null;
        }
        if (value instanceof Long l && (double) l != l) {
            return value;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == -0.0 ? 0.0 : d;
        }
        if (value instanceof Map<?, ?> map) {
            Document normalized = new Document();
            map.forEach((k, v) -> normalized.put((String) k, normalize(v)));
            return normalized;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(BsonTypes::normalize).toList();
        }
        return value;
    }

    static byte[] encode(Document document) {
        return encode(document, 0);
    }

    /**
     * The document's BSON, as mongo-java-server's encoder writes it, in a buffer sized for {@code expectedBytes} (the
     * collection's documents' average) rather than grown from a few hundred bytes, copy by copy. Documents, arrays
     * and strings are written here: the library makes a document of each array, keyed "0", "1", … as new strings, and
     * copies each string's bytes; every other value it writes itself.
     */
    static byte[] encode(Document document, int expectedBytes) {
        ByteBuf buffer = Unpooled.buffer(Math.max(256, expectedBytes + (expectedBytes >> 2)));
        writeDocument(document, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    private static final byte STRING_TYPE = 2;
    private static final byte DOCUMENT_TYPE = 3;
    private static final byte ARRAY_TYPE = 4;

    /** An array's keys, "0" to "1023", as written (each followed by its zero). */
    private static final byte[][] INDEX_KEYS = new byte[1024][];

    static {
        for (int i = 0; i < INDEX_KEYS.length; i++) {
            INDEX_KEYS[i] = (i + "\0").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static void writeDocument(Map<String, ?> document, ByteBuf buffer) {
        int start = buffer.writerIndex();
        buffer.writeIntLE(0);
        for (Map.Entry<String, ?> field : document.entrySet()) {
            Object value = field.getValue();
            byte type = BsonEncoder.determineType(value);
            buffer.writeByte(type);
            ByteBufUtil.writeUtf8(buffer, field.getKey());
            buffer.writeByte(0);
            writeValue(type, value, buffer);
        }
        buffer.writeByte(0);
        buffer.setIntLE(start, buffer.writerIndex() - start);
    }

    private static void writeArray(Collection<?> values, ByteBuf buffer) {
        int start = buffer.writerIndex();
        buffer.writeIntLE(0);
        int index = 0;
        for (Object value : values) {
            byte type = BsonEncoder.determineType(value);
            buffer.writeByte(type);
            if (index < INDEX_KEYS.length) {
                buffer.writeBytes(INDEX_KEYS[index]);
            } else {
                ByteBufUtil.writeAscii(buffer, Integer.toString(index));
                buffer.writeByte(0);
            }
            writeValue(type, value, buffer);
            index++;
        }
        buffer.writeByte(0);
        buffer.setIntLE(start, buffer.writerIndex() - start);
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(byte type, Object value, ByteBuf buffer) {
        switch (type) {
            case STRING_TYPE -> {
                String text = value.toString();
                buffer.writeIntLE(ByteBufUtil.utf8Bytes(text) + 1);
                ByteBufUtil.writeUtf8(buffer, text);
                buffer.writeByte(0);
            }
            case DOCUMENT_TYPE -> writeDocument((Map<String, ?>) value, buffer);
            case ARRAY_TYPE -> writeArray((Collection<?>) value, buffer);
            default -> BsonEncoder.encodeValue(type, value, buffer);
        }
    }

    static Document decode(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /**
     * The document with only the named top-level fields: the others are stepped over in the bytes, not decoded
     * (what a find that wants a few fields of many documents reads, see {@link FieldsRead}). Null reads it whole.
     */
    static Document decode(byte[] bytes, FieldsRead fields) {
        if (fields == null) {
            return decode(bytes);
        }
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        buffer.skipBytes(4);
        Document document = new Document();
        for (byte type = buffer.readByte(); type != 0; type = buffer.readByte()) {
            // A key is compared as it is in the bytes: those not wanted are never made strings.
            int length = buffer.bytesBefore((byte) 0);
            if (fields.wants(bytes, buffer.readerIndex(), length)) {
                String key = BsonDecoder.decodeCString(buffer);
                document.put(key, BsonDecoder.decodeValue(type, buffer));
            } else {
                buffer.skipBytes(length + 1);
                skip(type, buffer);
            }
        }
        return document;
    }

    /** Steps over one value of the given BSON type (bsonspec.org), as long as it is in the bytes. */
    private static void skip(byte type, ByteBuf buffer) {
        switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> buffer.skipBytes(8); // double, UTC time, timestamp, int64
            case 0x02, 0x0D, 0x0E -> buffer.skipBytes(buffer.readIntLE()); // string, JavaScript, symbol
            case 0x03, 0x04, 0x0F -> buffer.skipBytes(buffer.readIntLE() - 4); // document, array, code with scope
            case 0x05 -> buffer.skipBytes(buffer.readIntLE() + 1); // binary: its length, a subtype, the bytes
            case 0x06, 0x0A, 0x7F, (byte) 0xFF -> {} // undefined, null, max key, min key
            case 0x07 -> buffer.skipBytes(12); // object id
            case 0x08 -> buffer.skipBytes(1); // boolean
            case 0x0B -> { // regular expression: pattern and options, two C strings
                buffer.skipBytes(buffer.bytesBefore((byte) 0) + 1);
                buffer.skipBytes(buffer.bytesBefore((byte) 0) + 1);
            }
            case 0x0C -> buffer.skipBytes(buffer.readIntLE() + 12); // DB pointer: a string and an object id
            case 0x10 -> buffer.skipBytes(4); // int32
            case 0x13 -> buffer.skipBytes(16); // decimal128
            default -> BsonDecoder.decodeValue(type, buffer); // the engine's own answer to a type it does not know
        }
    }

    /** A document as its BSON bytes. Not ordered: documents are values, never keys. */
    static final class DocumentBytes extends BasicDataType<byte[]> {

        static final DocumentBytes INSTANCE = new DocumentBytes();

        @Override
        public int getMemory(byte[] bytes) {
            return 24 + bytes.length;
        }

        @Override
        public void write(WriteBuffer buffer, byte[] bytes) {
            buffer.putVarInt(bytes.length).put(bytes);
        }

        @Override
        public byte[] read(ByteBuffer buffer) {
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return bytes;
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }

    /**
     * One value of a document as a key or a position: an {@code _id}, or one part of an index key. Ordered as the
     * query engine orders values, so that equal values (1 and 1.0) are one key, as in MongoDB.
     */
    static final class Value extends BasicDataType<Object> {

        static final Value INSTANCE = new Value();

        private static final byte MISSING = 0;
        private static final byte NULL = 1;
        private static final byte STRING = 2;
        private static final byte LONG = 3;
        private static final byte OTHER = 4;
        private static final byte DOUBLE = 5;
        private static final byte FALSE = 6;
        private static final byte TRUE = 7;
        private static final byte INSTANT = 8;

        @Override
        public int getMemory(Object value) {
            return memory(value);
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            writeValue(buffer, value);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return readValue(buffer);
        }

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }

        static int memory(Object value) {
            if (value instanceof String s) {
                return 40 + 2 * s.length();
            }
            if (value == null || value instanceof Missing) {
                return 0;
            }
            return 64;
        }

        static void writeValue(WriteBuffer buffer, Object value) {
            if (value instanceof Missing) {
                buffer.put(MISSING);
            } else if (value == null) {
                buffer.put(NULL);
            } else if (value instanceof String s) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                buffer.put(STRING).putVarInt(utf8.length).put(utf8);
            } else if (value instanceof Long l) {
                buffer.put(LONG).putLong(l);
            } else if (value instanceof Double d) {
                buffer.put(DOUBLE).putDouble(d);
            } else if (value instanceof Boolean b) {
                buffer.put(b ? TRUE : FALSE);
            } else if (value instanceof Instant instant) {
                buffer.put(INSTANT).putLong(instant.toEpochMilli());
            } else {
                byte[] bson = encode(new Document("", value));
                buffer.put(OTHER).putVarInt(bson.length).put(bson);
            }
        }

        static Object readValue(ByteBuffer buffer) {
            byte type = buffer.get();
            switch (type) {
                case MISSING:
                    return Missing.getInstance();
                case NULL:
                    return null;
                case STRING: {
                    byte[] utf8 = new byte[DataUtils.readVarInt(buffer)];
                    buffer.get(utf8);
                    return new String(utf8, StandardCharsets.UTF_8);
                }
                case LONG:
                    return buffer.getLong();
                case DOUBLE:
                    return buffer.getDouble();
                case FALSE:
                    return Boolean.FALSE;
                case TRUE:
                    return Boolean.TRUE;
                case INSTANT:
                    return Instant.ofEpochMilli(buffer.getLong());
                case OTHER: {
                    byte[] bson = new byte[DataUtils.readVarInt(buffer)];
                    buffer.get(bson);
                    return decode(bson).get("");
                }
                default:
                    throw new IllegalStateException("Unknown value type " + type + " in the store file");
            }
        }
    }

    /** The key of a unique index: one value per indexed field, ordered field by field. */
    static final class Key extends BasicDataType<KeyValue> {

        static final Key INSTANCE = new Key();

        @Override
        public int getMemory(KeyValue key) {
            int memory = 48;
            for (Object value : key) {
                memory += 8 + Value.memory(value);
            }
            return memory;
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            buffer.putVarInt(key.size());
            for (Object value : key) {
                Value.writeValue(buffer, value);
            }
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            int size = DataUtils.readVarInt(buffer);
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(Value.readValue(buffer));
            }
            return new KeyValue(values);
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
