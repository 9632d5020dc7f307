package io.callqa.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The stack's OpenSearch users have least privilege: read from {@code docker/opensearch/}'s
 * security files and {@code docker/compose.yaml} (no Docker engine needed), each service's user is
 * resolved to its roles and each role's allowed actions on concrete callqa indices.
 */
class OpenSearchRolesTest {

    private static final Path DIR = ComposeFile.ROOT.resolve("docker/opensearch");

    /** Action groups and actions that change an index or the cluster. */
    private static final Pattern WRITES =
            Pattern.compile(
                    "write|index|crud|delete|create_index|manage|indices_all|unlimited"
                            + "|indices:data/write/.*|indices:admin/.*|\\*");

    @Test
    void theConsoleReadsCallqaIndicesAndWritesReviewsOnly() throws IOException {
        Security s = Security.read();
        String user = userOf("console");
        assertThat(user).isEqualTo("callqa-console");
        for (String index :
                List.of("callqa-calls", "callqa-errors", "callqa-alerts", "callqa-reviews")) {
            assertThat(s.actions(user, index)).as("console on " + index).contains("read");
        }
        assertThat(writes(s.actions(user, "callqa-calls"))).as("console on callqa-calls").isEmpty();
        assertThat(writes(s.actions(user, "callqa-errors"))).isEmpty();
        assertThat(writes(s.actions(user, "callqa-reviews"))).isNotEmpty();
        // Acknowledging an alert updates it; nothing else of the alerts may change.
        assertThat(writes(s.actions(user, "callqa-alerts")))
                .containsExactly("indices:data/write/update");
        assertThat(s.actions(user, ".opendistro_security")).isEmpty();
        assertThat(writes(s.clusterActions(user)))
                .as("console cluster permissions")
                .allSatisfy(a -> assertThat(a).endsWith("/get"));
    }

    @Test
    void theJobWritesItsIndicesAndTemplatesButNotReviews() throws IOException {
        Security s = Security.read();
        String user = userOf("job-submit");
        assertThat(user).isEqualTo("callqa-job");
        for (String index : List.of("callqa-calls", "callqa-alerts", "callqa-errors")) {
            assertThat(s.actions(user, index)).as("job on " + index).contains("crud");
        }
        assertThat(s.actions(user, "callqa-reviews")).isEmpty();
        assertThat(s.clusterActions(user)).contains("indices:admin/index_template/put");
        assertThat(s.roles(user)).doesNotContain("all_access");
    }

    @Test
    void onlyTheInitStepSignsInAsAdmin() throws IOException {
        ComposeFile compose = ComposeFile.read();
        List<String> admins = new ArrayList<>();
        compose.services()
                .forEach(
                        (name, service) -> {
                            String password =
                                    ComposeFile.environment(service)
                                            .getOrDefault("CALLQA_OPENSEARCH_PASSWORD", "");
                            if (password.contains("OPENSEARCH_ADMIN_PASSWORD")) {
                                admins.add(name + " (admin password)");
                            }
                            compose.callqaArguments(name)
                                    .ifPresent(
                                            args -> {
                                                int i = args.indexOf("--opensearch-user");
                                                if (i >= 0 && args.get(i + 1).equals("admin")) {
                                                    admins.add(name + " (--opensearch-user)");
                                                }
                                            });
                            if (String.valueOf(service.get("healthcheck")).contains("admin:")) {
                                admins.add(name + " (healthcheck)");
                            }
                        });
        assertThat(admins)
                .containsExactlyInAnyOrder(
                        "dashboards-init (admin password)", "dashboards-init (--opensearch-user)");
        Security s = Security.read();
        assertThat(s.holders("all_access")).containsExactly("admin");
    }

    @Test
    void everyMappedUserExistsAndTheFilesAreMountedIntoOpenSearch() throws IOException {
        Security s = Security.read();
        Set<String> mapped = new TreeSet<>();
        s.mapping.forEach(
                (role, m) -> {
                    if (!role.equals("_meta")) {
                        mapped.addAll(list(((Map<?, ?>) m).get("users")));
                    }
                });
        assertThat(s.users.keySet()).containsAll(mapped);
        assertThat(s.roles.keySet()).contains("callqa_console", "callqa_job");
        String template = Files.readString(DIR.resolve("internal_users.yml"));
        assertThat(template).doesNotContainPattern("\\$2[aby]\\$");
        assertThat(String.valueOf(ComposeFile.read().services().get("opensearch").get("volumes")))
                .contains(
                        "./opensearch/roles.yml:/usr/share/opensearch/config/opensearch-security/roles.yml:ro")
                .contains(
                        "./opensearch/roles_mapping.yml:/usr/share/opensearch/config/opensearch-security/roles_mapping.yml:ro")
                .contains("./opensearch/internal_users.yml:");
    }

    private static List<String> writes(Set<String> actions) {
        return actions.stream().filter(a -> WRITES.matcher(a).matches()).toList();
    }

    private static String userOf(String service) throws IOException {
        List<String> args = ComposeFile.read().callqaArguments(service).orElseThrow();
        return args.get(args.indexOf("--opensearch-user") + 1);
    }

    private static List<String> list(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    /** The security plugin's three files, and what they grant whom. */
    private static final class Security {
        final Map<String, Object> roles;
        final Map<String, Object> mapping;
        final Map<String, Object> users;

        private Security(
                Map<String, Object> roles, Map<String, Object> mapping, Map<String, Object> users) {
            this.roles = roles;
            this.mapping = mapping;
            this.users = users;
        }

        static Security read() throws IOException {
            Map<String, Object> users = yaml("internal_users.yml");
            users.remove("_meta");
            return new Security(yaml("roles.yml"), yaml("roles_mapping.yml"), users);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> yaml(String file) throws IOException {
            try (Reader in = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
                return new LinkedHashMap<>(
                        (Map<String, Object>)
                                new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
            }
        }

        /** The roles mapped to {@code user}, by name or through its backend roles. */
        List<String> roles(String user) {
            List<String> backend = list(((Map<?, ?>) users.get(user)).get("backend_roles"));
            List<String> out = new ArrayList<>();
            mapping.forEach(
                    (role, m) -> {
                        if (role.equals("_meta")) {
                            return;
                        }
                        Map<?, ?> mm = (Map<?, ?>) m;
                        if (list(mm.get("users")).contains(user)
                                || list(mm.get("backend_roles")).stream()
                                        .anyMatch(backend::contains)) {
                            out.add(role);
                        }
                    });
            return out;
        }

        /** Users mapped to {@code role}. */
        List<String> holders(String role) {
            List<String> out = new ArrayList<>();
            for (String u : users.keySet()) {
                if (roles(u).contains(role)) {
                    out.add(u);
                }
            }
            return out;
        }

        /** Everything {@code user}'s roles allow on {@code index}. */
        Set<String> actions(String user, String index) {
            Set<String> out = new TreeSet<>();
            for (String role : roles(user)) {
                Map<?, ?> r = (Map<?, ?>) roles.get(role);
                assertThat(r).as("role %s of %s is defined in roles.yml", role, user).isNotNull();
                Object perms = r.get("index_permissions");
                if (!(perms instanceof List<?> list)) {
                    continue;
                }
                for (Object p : list) {
                    Map<?, ?> pm = (Map<?, ?>) p;
                    if (list(pm.get("index_patterns")).stream().anyMatch(g -> glob(g, index))) {
                        out.addAll(list(pm.get("allowed_actions")));
                    }
                }
            }
            return out;
        }

        Set<String> clusterActions(String user) {
            Set<String> out = new TreeSet<>();
            for (String role : roles(user)) {
                Map<?, ?> r = (Map<?, ?>) roles.get(role);
                out.addAll(list(r.get("cluster_permissions")));
            }
            return out;
        }

        private static boolean glob(String pattern, String index) {
            StringBuilder re = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return index.matches(re.toString());
        }
    }
}
