package io.jamboree.importer.internal.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON trees that remember which member was read last, so that a trace file whose shape is wrong (a renamed field, a
 * value of the wrong type) is reported with the JSON path being read ({@code block.header.slot},
 * {@code pre_state.keyvals[3].key}) and its line and column. The mapping code reads members in order and fails on
 * the one it just read, so the last path read is where it failed.
 */
final class TrackedJson extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    /** The path of the member read last, or "" before any. */
    private transient String lastPath = "";

    TrackedJson() {
        super(false);
    }

    String lastPath() {
        return lastPath;
    }

    @Override
    public ObjectNode objectNode() {
        return new Obj(this);
    }

    @Override
    public ArrayNode arrayNode() {
        return new Arr(this);
    }

    @Override
    public ArrayNode arrayNode(int capacity) {
        return new Arr(this);
    }

    /** Gives every container of the tree {@code node} its path (after parsing; nodes are built bottom-up). */
    static void assignPaths(JsonNode node, String path) {
        assign(node, path);
        if (node instanceof Obj o) {
            o.owner.lastPath = "";
        } else if (node instanceof Arr a) {
            a.owner.lastPath = "";
        }
    }

    private static void assign(JsonNode node, String path) {
        if (node instanceof Obj o) {
            o.path = path;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                assign(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
        } else if (node instanceof Arr a) {
            a.path = path;
            for (int i = 0; i < a.size(); i++) {
                assign(a.get(i), path + "[" + i + "]");
            }
        }
    }

    /**
     * The line and column ({@code line L, column C}) of the value at {@code path} in {@code json}, else of its
     * nearest enclosing value that exists (a missing field is reported at its object), or null.
     */
    static String location(JsonParser parser, String path) throws IOException {
        String target = pointer(path);
        String best = null;
        int bestLength = -1;
        for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                continue;
            }
            JsonStreamContext ctx = parser.getParsingContext();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                ctx = ctx.getParent();
            }
            String at = ctx == null ? "" : ctx.pathAsPointer().toString();
            if (t == JsonToken.FIELD_NAME) {
                continue; // its value follows with the same path
            }
            if ((target.equals(at) || target.startsWith(at + "/") || at.isEmpty()) && at.length() > bestLength) {
                var loc = parser.currentTokenLocation();
                best = "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
                bestLength = at.length();
                if (target.equals(at)) {
                    return best;
                }
            }
        }
        return best;
    }

    /** {@code a.b[3].c} as the JSON pointer {@code /a/b/3/c}. */
    static String pointer(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                sb.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                sb.append('/').append(part, bracket + 1, close);
                bracket = part.indexOf('[', close);
            }
        }
        return sb.toString();
    }

    private static final class Obj extends ObjectNode {
        private static final long serialVersionUID = 1L;
        private final transient TrackedJson owner;
        private String path = "";

        Obj(TrackedJson owner) {
            super(owner);
            this.owner = owner;
        }

        @Override
        public JsonNode get(String name) {
            owner.lastPath = path.isEmpty() ? name : path + "." + name;
            return super.get(name);
        }
    }

    private static final class Arr extends ArrayNode {
        private static final long serialVersionUID = 1L;
        private final transient TrackedJson owner;
        private String path = "";

        Arr(TrackedJson owner) {
            super(owner);
            this.owner = owner;
        }

        @Override
        public JsonNode get(int index) {
            owner.lastPath = path + "[" + index + "]";
            return super.get(index);
        }

        @Override
        public Iterator<JsonNode> elements() {
            return tracking(super.elements());
        }

        @Override
        public Iterator<JsonNode> values() {
            return tracking(super.values());
        }

        private Iterator<JsonNode> tracking(Iterator<JsonNode> it) {
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public JsonNode next() {
                    owner.lastPath = path + "[" + i++ + "]";
                    return it.next();
                }
            };
        }
    }
}
