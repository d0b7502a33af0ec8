/**
 * Text helpers every layer may use and that use no other package of the SDK: {@link
 * io.stratum.sdk.internal.text.DidYouMean}.
 */
package io.stratum.sdk.internal.text;
