# shell: the Apache Felix Gogo console, added by `jam shell` to the feature it starts.
org.apache.felix:org.apache.felix.gogo.runtime
org.apache.felix:org.apache.felix.gogo.command
org.apache.felix:org.apache.felix.gogo.shell
