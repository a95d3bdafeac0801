package dev.strata.etl.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Opens a raw file for reading as text, decompressing by extension; bad bytes become U+FFFD. */
final class TextInput {

    static final char REPLACEMENT = '\uFFFD';

    private TextInput() {
    }

    static BufferedReader open(String file, Charset charset) throws IOException {
        Configuration conf = new Configuration();
        Path path = new Path(file);
        InputStream in = path.getFileSystem(conf).open(path);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
        if (codec != null) {
            in = codec.createInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }
}
