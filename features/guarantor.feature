# guarantor: the jam submit-work client: the rpc feature plus the dev chain's sample service (its authorizer) and
# jam-guarantor, whose node-side imports (importer, author, keystore, network, availability) are optional: its
# guarantor components stay unsatisfied here, the submit-work command runs. In a node jam-guarantor comes with 'node'.
include rpc
io.jamboree:jam-sample-service
io.jamboree:jam-guarantor
