package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lightsail.model.ContactMethodStatus;
import software.amazon.awssdk.services.lightsail.model.ContactMethodVerificationProtocol;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;
import software.amazon.awssdk.services.lightsail.model.CreateContactMethodRequest;
import software.amazon.awssdk.services.lightsail.model.CreateContactMethodResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteContactMethodRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteContactMethodResponse;
import software.amazon.awssdk.services.lightsail.model.GetContactMethodsRequest;
import software.amazon.awssdk.services.lightsail.model.GetContactMethodsResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.SendContactMethodVerificationRequest;
import software.amazon.awssdk.services.lightsail.model.SendContactMethodVerificationResponse;

/**
 * Contact methods for alarm notifications: one Email and one SMS (E.164 phone number) per region. A phone number is
 * Valid at once; an email address is PendingVerification and is sent a verification message (recorded in
 * {@link Notifications}, its link served by {@link LightsailEndpoints}) when created and by SendContactMethodVerification.
 * A contact method is named after its protocol and region ({@code Email-us-east-1}), since the API names none.
 */
public final class ContactMethodsProvider extends LightsailProvider {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");

    public CreateContactMethodResponse createContactMethod(CallContext ctx, CreateContactMethodRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        ContactProtocol protocol = protocol(request.protocol(), request.protocolAsString());
        String endpoint = request.contactEndpoint();
        Pattern format = protocol == ContactProtocol.EMAIL ? EMAIL : PHONE;
        if (endpoint == null || !format.matcher(endpoint).matches()) {
            throw LightsailErrors.invalidInput(protocol == ContactProtocol.EMAIL
                    ? "The email address %s is not valid." : "The phone number %s is not valid: use E.164 format (+14155550100).",
                    endpoint);
        }
        String name = protocol + "-" + scope.region();
        synchronized (state.lock) {
            if (state.contactMethods.contains(name)) {
                throw LightsailErrors.invalidInput("A %s contact method already exists in %s: delete it before adding another.",
                        protocol, scope.region());
            }
            ContactMethodRecord method = new ContactMethodRecord(ResourceMeta.create(scope, ResourceType.CONTACT_METHOD, name,
                    "all", "ContactMethod/" + name, Map.of()), protocol, endpoint,
                    protocol == ContactProtocol.SMS ? ContactMethodStatus.VALID : ContactMethodStatus.PENDING_VERIFICATION, null);
            state.contactMethods.put(protocol == ContactProtocol.SMS ? method : sendVerification(state, scope, method));
            return CreateContactMethodResponse.builder().operations(state.operations.record(scope, method.meta(),
                    OperationType.CREATE_CONTACT_METHOD, protocol.toString())).build();
        }
    }

    public GetContactMethodsResponse getContactMethods(CallContext ctx, GetContactMethodsRequest request) {
        List<ContactProtocol> wanted = request.hasProtocols() ? request.protocols() : List.of();
        return GetContactMethodsResponse.builder().contactMethods(state(ctx).contactMethods.list().stream()
                .filter(m -> wanted.isEmpty() || wanted.contains(m.protocol()))
                .map(ContactMethodRecord::toSdk).toList()).build();
    }

    public DeleteContactMethodResponse deleteContactMethod(CallContext ctx, DeleteContactMethodRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        ContactProtocol protocol = protocol(request.protocol(), request.protocolAsString());
        synchronized (state.lock) {
            ContactMethodRecord method = byProtocol(state, protocol, scope);
            state.contactMethods.remove(method.name());
            return DeleteContactMethodResponse.builder().operations(state.operations.record(scope, method.meta(),
                    OperationType.DELETE_CONTACT_METHOD, protocol.toString())).build();
        }
    }

    public SendContactMethodVerificationResponse sendContactMethodVerification(CallContext ctx,
            SendContactMethodVerificationRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        if (request.protocol() != ContactMethodVerificationProtocol.EMAIL) {
            throw LightsailErrors.invalidInput("The protocol %s is not valid: only Email contact methods are verified this way.",
                    request.protocolAsString());
        }
        synchronized (state.lock) {
            ContactMethodRecord method = byProtocol(state, ContactProtocol.EMAIL, scope);
            if (method.status() == ContactMethodStatus.VALID) {
                throw LightsailErrors.invalidInput("The contact method %s is already verified.", method.endpoint());
            }
            state.contactMethods.put(sendVerification(state, scope, method));
            return SendContactMethodVerificationResponse.builder().operations(state.operations.record(scope, method.meta(),
                    OperationType.SEND_CONTACT_METHOD_VERIFICATION, method.endpoint())).build();
        }
    }

    /** Records the verification message AWS would mail, with a new link (the previous one stops working). */
    private static ContactMethodRecord sendVerification(LightsailState state, LightsailScope scope, ContactMethodRecord method) {
        String token = UUID.randomUUID().toString();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("subject", "Verify your email address for Amazon Lightsail notifications in " + scope.region());
        message.put("contactMethodArn", method.meta().arn());
        message.put("verificationLink", LightsailEndpoints.verificationPath(token));
        state.notifications.add(new Notifications.Notification(scope.now(), scope.account(), scope.region(),
                "ContactMethodVerification", method.protocol(), method.endpoint(), true, null, message));
        return method.withVerificationToken(token);
    }

    private static ContactMethodRecord byProtocol(LightsailState state, ContactProtocol protocol, LightsailScope scope) {
        return state.contactMethods.find(protocol + "-" + scope.region()).orElseThrow(() ->
                LightsailErrors.notFound("No %s contact method exists in %s.", protocol, scope.region()));
    }

    private static ContactProtocol protocol(ContactProtocol protocol, String text) {
        if (protocol == null || protocol == ContactProtocol.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The protocol %s is not valid: Email or SMS.", text);
        }
        return protocol;
    }
}
