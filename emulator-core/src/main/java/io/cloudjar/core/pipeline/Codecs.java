package io.cloudjar.core.pipeline;

import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.protocol.ProtocolCodec;
import io.cloudjar.core.protocol.json.JsonCodec;
import io.cloudjar.core.protocol.query.AwsQueryCodec;
import io.cloudjar.core.protocol.query.Ec2QueryCodec;
import io.cloudjar.core.protocol.rest.RestXmlCodec;
import java.util.EnumMap;
import java.util.Map;

/** The one codec of each protocol; codecs are stateless and shared by every API that speaks it. */
final class Codecs {
    private static final Map<Protocol, ProtocolCodec> CODECS = new EnumMap<>(Map.of(
            Protocol.EC2, new Ec2QueryCodec(),
            Protocol.QUERY, new AwsQueryCodec(),
            Protocol.REST_XML, new RestXmlCodec(),
            Protocol.JSON, new JsonCodec()));

    private Codecs() {
    }

    static ProtocolCodec of(Protocol protocol) {
        return CODECS.get(protocol);
    }
}
