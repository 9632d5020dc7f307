/** OpenSearch index templates, OpenSearch Dashboards saved objects and the supervisor console. */
package io.callqa.dashboards;
