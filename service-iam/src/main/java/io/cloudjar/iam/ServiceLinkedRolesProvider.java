package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.Role;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeletionTaskStatusType;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusRequest;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusResponse;

/**
 * Service-linked roles ({@code /aws-service-role/<service>/AWSServiceRoleFor…}) that a service assumes; Terraform
 * creates them. Deletion is a task that here completes at once.
 */
public final class ServiceLinkedRolesProvider extends IamFeature {
    static final String PATH_PREFIX = "/aws-service-role/";
    private final Map<String, String> deletionTasks = new ConcurrentHashMap<>();

    public CreateServiceLinkedRoleResponse createServiceLinkedRole(CallContext ctx, CreateServiceLinkedRoleRequest r) {
        String service = r.awsServiceName();
        if (!service.endsWith(".amazonaws.com")) {
            throw IamErrors.invalidInput("Unrecognized service principal: %s", service);
        }
        String prefix = service.substring(0, service.indexOf('.'));
        String name = "AWSServiceRoleFor" + Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1)
                + (r.customSuffix() == null ? "" : "_" + r.customSuffix());
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\""
                + service + "\"]},\"Action\":[\"sts:AssumeRole\"]}]}";
        return inAccount(ctx, account -> {
            if (account.findRole(name) != null) {
                throw IamErrors.invalidInput("Service role name %s has been taken in this account, please try a different suffix.", name);
            }
            Role role = new Role(account.id, Ids.iam("AROA", 21), name, PATH_PREFIX + service + "/", ctx.receivedAt());
            role.trustPolicy = trust;
            role.description = r.description();
            account.addRole(role);
            return CreateServiceLinkedRoleResponse.builder().role(Shapes.role(role, true)).build();
        });
    }

    public DeleteServiceLinkedRoleResponse deleteServiceLinkedRole(CallContext ctx, DeleteServiceLinkedRoleRequest r) {
        return inAccount(ctx, account -> {
            Role role = account.role(r.roleName());
            if (!role.path.startsWith(PATH_PREFIX)) {
                throw IamErrors.invalidInput("Role %s is not a service-linked role.", role.name);
            }
            if (!role.instanceProfiles.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            role.attached.values().forEach(p -> p.attachments.remove(role));
            account.removeRole(role);
            String task = "task" + role.path + role.name + "/" + UUID.randomUUID();
            deletionTasks.put(task, account.id);
            return DeleteServiceLinkedRoleResponse.builder().deletionTaskId(task).build();
        });
    }

    public GetServiceLinkedRoleDeletionStatusResponse getServiceLinkedRoleDeletionStatus(CallContext ctx,
                                                                                        GetServiceLinkedRoleDeletionStatusRequest r) {
        if (!ctx.accountId().equals(deletionTasks.get(r.deletionTaskId()))) {
            throw IamErrors.noSuchEntity("Deletion task %s cannot be found.", r.deletionTaskId());
        }
        return GetServiceLinkedRoleDeletionStatusResponse.builder().status(DeletionTaskStatusType.SUCCEEDED).build();
    }
}
