package io.callqa.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;

/**
 * The Flink settings in {@code docker/compose.yaml} are options of the Flink version the build
 * uses, under their current keys: Flink ignores an unknown key without a word, so a typo or a key
 * renamed in Flink 2 would silently fall back to a default.
 */
class FlinkPropertiesTest {

    private static final List<Class<?>> OPTION_CLASSES =
            List.of(
                    CheckpointingOptions.class,
                    CoreOptions.class,
                    JobManagerOptions.class,
                    RestOptions.class,
                    RestartStrategyOptions.class,
                    StateBackendOptions.class,
                    TaskManagerOptions.class);

    @Test
    void everyFlinkPropertyIsACurrentFlinkOption() throws IOException {
        Map<String, String> known = new HashMap<>();
        for (Class<?> c : OPTION_CLASSES) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                    ConfigOption<?> option = option(f);
                    known.put(option.key(), "current");
                    for (FallbackKey k : option.fallbackKeys()) {
                        known.putIfAbsent(
                                k.getKey(),
                                (k.isDeprecated() ? "deprecated, use " : "fallback of ")
                                        + option.key());
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        ComposeFile.read()
                .services()
                .forEach(
                        (name, service) -> {
                            String props = ComposeFile.environment(service).get("FLINK_PROPERTIES");
                            if (props == null) {
                                return;
                            }
                            for (String line : props.split("\n")) {
                                if (line.isBlank()) {
                                    continue;
                                }
                                String key = line.substring(0, line.indexOf(':')).strip();
                                seen.add(key);
                                String status = known.get(key);
                                if (!"current".equals(status)) {
                                    problems.add(
                                            name
                                                    + ": "
                                                    + key
                                                    + " is "
                                                    + (status == null
                                                            ? "not a Flink option"
                                                            : status));
                                }
                            }
                        });
        assertThat(seen).as("Flink properties in docker/compose.yaml").isNotEmpty();
        assertThat(problems).isEmpty();
    }

    private static ConfigOption<?> option(Field f) {
        try {
            return (ConfigOption<?>) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(f + " is not readable", e);
        }
    }
}
