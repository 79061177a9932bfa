package ardoise.http.etherpad;

import ardoise.config.ApiKeys.ApiKey;

/** One authenticated call: the version the client named, the function, its parameters, and whose key it used. */
record EtherpadCall(String version, String function, EtherpadParams params, ApiKey key) {}
