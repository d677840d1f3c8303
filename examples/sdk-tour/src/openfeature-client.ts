// The storefront's OpenFeature client, shared by every module that reads a flag through OpenFeature.
// The deployment registers the provider before the first request.
import { OpenFeature } from "@openfeature/server-sdk";

export const featureClient = OpenFeature.getClient("storefront");
