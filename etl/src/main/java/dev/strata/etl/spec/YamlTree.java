package dev.strata.etl.spec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads YAML into a Jackson tree of mappings, lists, nulls and text. Every scalar is kept as the text
 * written in the file, so {@code values: [02134, Yes, 1.10]} stays {@code "02134", "Yes", "1.10"} instead
 * of becoming {@code 2134, true, 1.1}; the spec reader decides what each value means. A key given twice in
 * one mapping is an error, and so are anchors and aliases.
 */
final class YamlTree {

    private final YAMLMapper mapper = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The first document of {@code text}, or null when there is none. */
    JsonNode read(String text) throws IOException {
        Objects.requireNonNull(text, "text is null");
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken token = parser.nextToken();
            return token == null ? null : value((YAMLParser) parser, token);
        }
    }

    private JsonNode value(YAMLParser parser, JsonToken token) throws IOException {
        if (parser.isCurrentAlias()) {
            throw new JsonParseException(parser, "aliases (*" + parser.getText() + ") are not supported in a spec");
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    object.set(key, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_NULL -> {
                return NullNode.getInstance();
            }
            default -> {
                if (parser.getObjectId() != null) {
                    throw new JsonParseException(parser, "anchors (&" + parser.getObjectId()
                            + ") are not supported in a spec");
                }
                return TextNode.valueOf(parser.getText());
            }
        }
    }
}
