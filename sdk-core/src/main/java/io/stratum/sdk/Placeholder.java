package io.stratum.sdk;
class Placeholder {}
