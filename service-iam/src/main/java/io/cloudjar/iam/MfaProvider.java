package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.mfa.QrCodes;
import io.cloudjar.iam.mfa.Totp;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.MfaDevice;
import io.cloudjar.iam.state.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.GetMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.GetMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * Virtual MFA devices with real RFC 6238 seeds: created with a Base32 seed and a QR code, enabled for a
 * user with two consecutive codes, resynchronised, deactivated, deleted. STS checks their codes.
 */
public final class MfaProvider extends IamFeature {
    /** Steps of clock drift accepted when enabling (AWS tolerates a few minutes). */
    static final int ENABLE_WINDOW = 10;
    /** Resync exists to recover from larger drift. */
    static final int RESYNC_WINDOW = 240;

    public CreateVirtualMfaDeviceResponse createVirtualMFADevice(CallContext ctx, CreateVirtualMfaDeviceRequest request) {
        return inAccount(ctx, account -> {
            String serial = "arn:aws:iam::" + account.id + ":mfa" + pathOrRoot(request.path()) + request.virtualMFADeviceName();
            if (account.mfaDevices.containsKey(serial)) {
                throw IamErrors.mfaDeviceExists();
            }
            byte[] seed = new byte[40];
            Ids.random().nextBytes(seed);
            MfaDevice device = new MfaDevice(serial, seed, ctx.receivedAt());
            device.tags.put(tagMap(request.tags()));
            account.mfaDevices.put(serial, device);
            String base32 = base32(seed);
            String accountName = account.aliases.isEmpty() ? account.id : account.aliases.get(0);
            byte[] png = QrCodes.png(QrCodes.otpauthUri(request.virtualMFADeviceName(), accountName, base32));
            VirtualMFADevice shape = VirtualMFADevice.builder().serialNumber(serial)
                    .base32StringSeed(SdkBytes.fromString(base32, StandardCharsets.US_ASCII))
                    .qrCodePNG(SdkBytes.fromByteArray(png)).build();
            return CreateVirtualMfaDeviceResponse.builder().virtualMFADevice(shape).build();
        });
    }

    static String base32(byte[] seed) {
        return new Base32().encodeAsString(seed).replace("=", "");
    }

    public EnableMfaDeviceResponse enableMFADevice(CallContext ctx, EnableMfaDeviceRequest request) {
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            MfaDevice device = device(account, request.serialNumber());
            if (device.user != null) {
                throw IamErrors.mfaDeviceInUse(device.serialNumber);
            }
            long step = checkCodes(device, request.authenticationCode1(), request.authenticationCode2(), ctx, ENABLE_WINDOW);
            device.user = user;
            device.enabled = ctx.receivedAt();
            device.lastCounter = step + 1;
            user.mfaDevices.add(device);
            return EnableMfaDeviceResponse.builder().build();
        });
    }

    public ResyncMfaDeviceResponse resyncMFADevice(CallContext ctx, ResyncMfaDeviceRequest request) {
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            MfaDevice device = assigned(account, user, request.serialNumber());
            long step = checkCodes(device, request.authenticationCode1(), request.authenticationCode2(), ctx, RESYNC_WINDOW);
            device.lastCounter = step + 1;
            return ResyncMfaDeviceResponse.builder().build();
        });
    }

    private static long checkCodes(MfaDevice device, String code1, String code2, CallContext ctx, int window) {
        OptionalLong step = Totp.consecutive(device.seed, code1, code2, ctx.receivedAt(), window);
        if (step.isEmpty() || step.getAsLong() <= device.lastCounter) {
            throw IamErrors.invalidAuthenticationCode(device.serialNumber);
        }
        return step.getAsLong();
    }

    public DeactivateMfaDeviceResponse deactivateMFADevice(CallContext ctx, DeactivateMfaDeviceRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.named(ctx, account, request.userName());
            MfaDevice device = assigned(account, user, request.serialNumber());
            user.mfaDevices.remove(device);
            device.user = null;
            device.enabled = null;
            return DeactivateMfaDeviceResponse.builder().build();
        });
    }

    public DeleteVirtualMfaDeviceResponse deleteVirtualMFADevice(CallContext ctx, DeleteVirtualMfaDeviceRequest request) {
        return inAccount(ctx, account -> {
            MfaDevice device = device(account, request.serialNumber());
            if (device.user != null) {
                throw IamErrors.deleteConflict("MFA VirtualDevice in use. Must deactivate first.");
            }
            account.mfaDevices.remove(device.serialNumber);
            return DeleteVirtualMfaDeviceResponse.builder().build();
        });
    }

    public ListMfaDevicesResponse listMFADevices(CallContext ctx, ListMfaDevicesRequest request) {
        return inAccount(ctx, account -> {
            List<MfaDevice> devices;
            if (request.userName() == null && Callers.user(ctx, account) == null) {
                devices = List.of(); // the root's own devices are not modelled
            } else {
                devices = new ArrayList<>(Callers.named(ctx, account, request.userName()).mfaDevices);
            }
            Pages.Page<MfaDevice> page = page(devices, d -> d.serialNumber, request.maxItems(), request.marker());
            return ListMfaDevicesResponse.builder()
                    .mfaDevices(page.items().stream().map(d -> MFADevice.builder().userName(d.user.name)
                            .serialNumber(d.serialNumber).enableDate(d.enabled).build()).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public ListVirtualMfaDevicesResponse listVirtualMFADevices(CallContext ctx, ListVirtualMfaDevicesRequest request) {
        AssignmentStatusType status = request.assignmentStatus() == null ? AssignmentStatusType.ANY : request.assignmentStatus();
        return inAccount(ctx, account -> {
            List<MfaDevice> devices = account.mfaDevices.values().stream()
                    .filter(d -> status == AssignmentStatusType.ANY || (status == AssignmentStatusType.ASSIGNED) == (d.user != null))
                    .toList();
            Pages.Page<MfaDevice> page = page(devices, d -> d.serialNumber, request.maxItems(), request.marker());
            return ListVirtualMfaDevicesResponse.builder()
                    .virtualMFADevices(page.items().stream().map(d -> {
                        var b = VirtualMFADevice.builder().serialNumber(d.serialNumber).enableDate(d.enabled);
                        if (d.user != null) {
                            b.user(Shapes.user(d.user, false));
                        }
                        if (!d.tags.isEmpty()) {
                            b.tags(Shapes.tags(d.tags));
                        }
                        return b.build();
                    }).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public GetMfaDeviceResponse getMFADevice(CallContext ctx, GetMfaDeviceRequest request) {
        return inAccount(ctx, account -> {
            MfaDevice device = device(account, request.serialNumber());
            if (request.userName() != null && (device.user == null || !device.user.name.equalsIgnoreCase(request.userName()))) {
                throw IamErrors.mfaNotEnabledForUser(device.serialNumber, request.userName());
            }
            return GetMfaDeviceResponse.builder().serialNumber(device.serialNumber)
                    .userName(device.user == null ? null : device.user.name).enableDate(device.enabled).build();
        });
    }

    static MfaDevice device(IamAccount account, String serial) {
        MfaDevice device = account.mfaDevices.get(serial);
        if (device == null) {
            throw IamErrors.noSuchMfaDevice(serial);
        }
        return device;
    }

    private static MfaDevice assigned(IamAccount account, User user, String serial) {
        MfaDevice device = device(account, serial);
        if (device.user != user) {
            throw IamErrors.mfaNotEnabledForUser(serial, user.name);
        }
        return device;
    }
}
