import { IsIn, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';
import { USER_DOMAIN_PATTERN, USER_DOMAIN_RULE } from '../ids';
import { ThirdPartyLoginPlatform } from './third-party-login-platform.enum';

/** Platforms a login can be configured for: every known one (OTHER only describes what upstream reports). */
export const CONFIGURABLE_PLATFORMS = Object.values(ThirdPartyLoginPlatform).filter((p) => p !== ThirdPartyLoginPlatform.OTHER);
const PLATFORM_RULE = `platform must be one of ${CONFIGURABLE_PLATFORMS.join(', ')}`;

/** Printable ASCII without spaces, as provider app ids and secrets are. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

@ArgsType()
export class UserDomainProductArgs {
  @Field({ description: 'User domain (App), e.g. C.DM.5715.1.' })
  @Matches(USER_DOMAIN_PATTERN, { message: USER_DOMAIN_RULE })
  userDomain!: string;

  @Field({ description: 'Product key (PK).' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;
}

@InputType({ description: 'Third-party login of a user domain (App). appSecret is write-only: sent to the platform, never returned.' })
export class SetThirdPartyLoginConfigInput {
  @Field({ description: 'User domain (App), e.g. C.DM.5715.1.' })
  @Matches(USER_DOMAIN_PATTERN, { message: USER_DOMAIN_RULE })
  userDomain!: string;

  @Field(() => ThirdPartyLoginPlatform, { description: 'The identity provider; OTHER is refused.' })
  @IsIn(CONFIGURABLE_PLATFORMS, { message: PLATFORM_RULE })
  platform!: ThirdPartyLoginPlatform;

  @Field({ description: "The App's id at the identity provider, 1-128 printable characters without spaces." })
  @MaxLength(128, { message: 'appId must be at most 128 characters' })
  @Matches(TOKEN_PATTERN, { message: 'appId must be 1-128 printable characters without spaces' })
  appId!: string;

  @Field({ description: "The App's secret at the identity provider (write-only), 1-256 printable characters without spaces." })
  @MinLength(1, { message: 'appSecret must not be empty' })
  @MaxLength(256, { message: 'appSecret must be at most 256 characters' })
  @Matches(TOKEN_PATTERN, { message: 'appSecret must be printable characters without spaces' })
  appSecret!: string;
}

@ArgsType()
export class ThirdPartyLoginArgs {
  @Field({ description: 'User domain (App), e.g. C.DM.5715.1.' })
  @Matches(USER_DOMAIN_PATTERN, { message: USER_DOMAIN_RULE })
  userDomain!: string;

  @Field(() => ThirdPartyLoginPlatform, { description: 'The identity provider; OTHER is refused.' })
  @IsIn(CONFIGURABLE_PLATFORMS, { message: PLATFORM_RULE })
  platform!: ThirdPartyLoginPlatform;
}
