package io.cloudjar.ec2;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagAccessor;
import io.cloudjar.vpc.api.TagRegistry;
import io.cloudjar.vpc.api.TaggableType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Makes CreateTags, DeleteTags and DescribeTags (served by service-vpc) work on this module's resources:
 * instances, volumes, snapshots, the caller's own images and key pairs. Each record keeps its own tags;
 * changes replace the record under its state's lock.
 */
final class ComputeTags {
    private ComputeTags() {
    }

    static void register(TagRegistry registry, ComputeStore store) {
        registry.register(type("i", "instance", id -> Ec2Errors.of("InvalidInstanceID.NotFound", id), new RecordTags<>(store,
                (s, id) -> s.instance(id, store.now()), s -> s.instances(store.now()).stream(),
                InstanceRecord::instanceId, InstanceRecord::tags, InstanceRecord::withTags, ComputeState::putInstance)));
        registry.register(type("vol", "volume", id -> Ec2Errors.of("InvalidVolume.NotFound", id), new RecordTags<>(store,
                ComputeState::volume, s -> s.volumes().stream(),
                VolumeRecord::volumeId, VolumeRecord::tags, VolumeRecord::withTags, ComputeState::putVolume)));
        registry.register(type("snap", "snapshot", id -> Ec2Errors.of("InvalidSnapshot.NotFound", id), new RecordTags<>(store,
                ComputeState::snapshot, s -> s.snapshots().stream(),
                SnapshotRecord::snapshotId, SnapshotRecord::tags, SnapshotRecord::withTags, ComputeState::putSnapshot)));
        registry.register(type("key", "key-pair", id -> Ec2Errors.of("InvalidKeyPair.NotFound", id), new RecordTags<>(store,
                ComputeState::keyPairById, s -> s.keyPairs().stream(),
                KeyPairRecord::keyPairId, KeyPairRecord::tags, KeyPairRecord::withTags, ComputeState::replaceKeyPair)));
        registry.register(type("ami", "image", id -> Ec2Errors.of("InvalidAMIID.NotFound", id), new ImageTags(store)));
    }

    private static TaggableType type(String prefix, String resourceType, Function<String, AwsException> notFound,
                                     TagAccessor accessor) {
        return new TaggableType(prefix, resourceType, notFound, accessor);
    }

    /** Tags of one record kind of {@link ComputeState}. */
    private record RecordTags<R>(ComputeStore store, BiFunction<ComputeState, String, Optional<R>> find,
                                 Function<ComputeState, Stream<R>> all, Function<R, String> id,
                                 Function<R, Map<String, String>> tagsOf,
                                 BiFunction<R, Map<String, String>, R> withTags,
                                 BiConsumer<ComputeState, R> put) implements TagAccessor {
        @Override
        public Optional<Map<String, String>> tags(Scope scope, String resourceId) {
            return find.apply(state(scope), resourceId).map(tagsOf);
        }

        @Override
        public boolean update(Scope scope, String resourceId, UnaryOperator<Map<String, String>> change) {
            ComputeState state = state(scope);
            synchronized (state) {
                Optional<R> record = find.apply(state, resourceId);
                record.ifPresent(r -> put.accept(state, withTags.apply(r, change.apply(tagsOf.apply(r)))));
                return record.isPresent();
            }
        }

        @Override
        public Map<String, Map<String, String>> tagged(Scope scope) {
            Map<String, Map<String, String>> out = new TreeMap<>();
            all.apply(state(scope)).filter(r -> !tagsOf.apply(r).isEmpty()).forEach(r -> out.put(id.apply(r), tagsOf.apply(r)));
            return out;
        }

        private ComputeState state(Scope scope) {
            return store.get(scope.accountId(), scope.region());
        }
    }

    /** Images live per region; an account tags only the images it owns. */
    private record ImageTags(ComputeStore store) implements TagAccessor {
        @Override
        public Optional<Map<String, String>> tags(Scope scope, String resourceId) {
            return owned(scope, resourceId).map(ImageRecord::tags);
        }

        @Override
        public boolean update(Scope scope, String resourceId, UnaryOperator<Map<String, String>> change) {
            RegionImages images = store.images(scope.region());
            synchronized (images) {
                Optional<ImageRecord> image = owned(scope, resourceId);
                image.ifPresent(i -> images.replace(i.withTags(change.apply(i.tags()))));
                return image.isPresent();
            }
        }

        @Override
        public Map<String, Map<String, String>> tagged(Scope scope) {
            Map<String, Map<String, String>> out = new TreeMap<>();
            store.images(scope.region()).owned().stream()
                    .filter(i -> i.ownerId().equals(scope.accountId()) && !i.tags().isEmpty())
                    .forEach(i -> out.put(i.imageId(), i.tags()));
            return out;
        }

        private Optional<ImageRecord> owned(Scope scope, String imageId) {
            return store.images(scope.region()).find(imageId).filter(i -> i.ownerId().equals(scope.accountId()));
        }
    }
}
