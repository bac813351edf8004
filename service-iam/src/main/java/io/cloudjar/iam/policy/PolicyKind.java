package io.cloudjar.iam.policy;

/** What a document is for, which decides the elements it must and must not have. */
public enum PolicyKind {
    /** Inline and managed policies, permissions boundaries, session policies: no Principal, Resource required. */
    IDENTITY,
    /** A role's trust policy: Principal required, no Resource, only sts:AssumeRole* style actions. */
    TRUST,
    /** Resource-based policies (bucket policies, the simulator's ResourcePolicy): Principal required. */
    RESOURCE
}
