package io.cloudjar.core.model;

/** The four AWS wire protocols Cloudjar speaks, named as the AWS service models name them. */
public enum Protocol {
    EC2("ec2"),
    QUERY("query"),
    REST_XML("rest-xml"),
    JSON("json");

    private final String modelName;

    Protocol(String modelName) {
        this.modelName = modelName;
    }

    public static Protocol fromModel(String name) {
        for (Protocol p : values()) {
            if (p.modelName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unsupported protocol " + name);
    }
}
