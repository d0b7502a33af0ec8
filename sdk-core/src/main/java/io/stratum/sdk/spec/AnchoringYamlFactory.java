package io.stratum.sdk.spec;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A YAML factory whose parsers also report the anchor of a scalar ({@code port: &p 8080}):
 * Jackson's parser reports anchors of mappings and lists only, so an alias to an anchored scalar
 * would otherwise look unknown. Only {@link #createParser(Reader)} is meant to be used.
 */
final class AnchoringYamlFactory extends YAMLFactory {

    AnchoringYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
        return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    /** A parser that knows the anchor of the current node, scalars included. */
    static final class Parser extends YAMLParser {
        Parser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
                Reader reader) {
            super(context, parserFeatures, yamlFeatures, options, codec, reader);
        }

        /** @return the anchor defined on the current value, or null (also for an alias) */
        String anchor() throws IOException {
            if (isCurrentAlias()) {
                return null;
            }
            if (_lastEvent instanceof ScalarEvent scalar) {
                return scalar.getAnchor();
            }
            return getObjectId() == null ? null : getObjectId().toString();
        }
    }
}
