package io.cloudjar.lightsail;

/**
 * A value a user gave a managed database's parameter (UpdateRelationalDatabaseParameters), and how it applies:
 * {@code immediate} (a dynamic parameter, on the running server at once) or {@code pending-reboot}.
 */
record DatabaseParameterValue(String value, String applyMethod) {
}
