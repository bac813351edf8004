package io.cloudjar.lightsail;

import io.cloudjar.core.spi.ServiceContext;

/** A Lightsail provider whose operations reach into EC2 or VPC ({@link Ec2Seams}): peering, export to EC2. */
abstract class Ec2LinkedProvider extends LightsailProvider {
    protected Ec2Seams seams;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        seams = new Ec2Seams(context);
    }
}
