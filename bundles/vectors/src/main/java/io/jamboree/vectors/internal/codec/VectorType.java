package io.jamboree.vectors.internal.codec;

import io.jamboree.json.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;

/**
 * One JAM type as seen by the codec test vectors: binary codec (GP Appendix C) and the vectors' JSON mapping.
 * Obtain instances from {@link CodecVectors#forName(String)}.
 *
 * @param <T> the record type from {@code io.jamboree.types}
 */
public final class VectorType<T> {
    /** Decodes one value from a decoder. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Decoder d, ChainParams p);
    }

    /** Encodes one value. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, Encoder e, ChainParams p);
    }

    /** Parses JSON. */
    @FunctionalInterface
    public interface JsonReader<T> {
        T read(JsonNode n, ChainParams p);
    }

    /** Writes JSON. */
    @FunctionalInterface
    public interface JsonWriter<T> {
        JsonNode write(T value, ChainParams p);
    }

    private final String name;
    private final Class<T> type;
    private final Reader<T> reader;
    private final Writer<T> writer;
    private final JsonReader<T> jsonReader;
    private final JsonWriter<T> jsonWriter;

    public VectorType(String name, Class<T> type, Reader<T> reader, Writer<T> writer, JsonReader<T> jsonReader,
            JsonWriter<T> jsonWriter) {
        this.name = name;
        this.type = type;
        this.reader = reader;
        this.writer = writer;
        this.jsonReader = jsonReader;
        this.jsonWriter = jsonWriter;
    }

    /** The type's canonical vector name, e.g. {@code "header"} or {@code "work_result"}. */
    public String name() {
        return name;
    }

    /** The Java record class of the values. */
    public Class<T> type() {
        return type;
    }

    /** Decodes exactly {@code bytes} (trailing bytes are a {@link io.jamboree.codec.CodecException}). */
    public T decode(byte[] bytes, ChainParams p) {
        Decoder d = new Decoder(bytes);
        T v = reader.read(d, p);
        d.expectEnd();
        return v;
    }

    /** Decodes one value from {@code d}, leaving the rest of the input. */
    public T decode(Decoder d, ChainParams p) {
        return reader.read(d, p);
    }

    /** {@code E(value)}. */
    public byte[] encode(T value, ChainParams p) {
        Encoder e = new Encoder();
        writer.write(value, e, p);
        return e.toByteArray();
    }

    /** Encodes a value whose static type is unknown; fails with {@link ClassCastException} if it is not a {@code T}. */
    public byte[] encodeObject(Object value, ChainParams p) {
        return encode(type.cast(value), p);
    }

    /** Parses the vectors' JSON; shape errors are {@link JsonMappingException}. */
    public T fromJson(JsonNode json, ChainParams p) {
        return jsonReader.read(json, p);
    }

    /** Writes the vectors' JSON. */
    public JsonNode toJson(T value, ChainParams p) {
        return jsonWriter.write(value, p);
    }

    /** {@link #toJson} for a value whose static type is unknown. */
    public JsonNode toJsonObject(Object value, ChainParams p) {
        return toJson(type.cast(value), p);
    }

    @Override
    public String toString() {
        return "VectorType[" + name + " -> " + type.getSimpleName() + "]";
    }
}
