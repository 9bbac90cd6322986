import { Field, ObjectType } from 'type-graphql';
import { ThirdPartyLoginPlatform } from './third-party-login-platform.enum';

@ObjectType({
  description:
    "Third-party login of a user domain (App): its app id at an identity provider. The App's secret there is write-only and never shown. Served by endpoints the platform does not document publicly; their path is set by QUEC_PATH_END_USER_ADMIN.",
})
export class ThirdPartyLoginConfig {
  @Field(() => ThirdPartyLoginPlatform, { description: 'The identity provider.' })
  platform!: ThirdPartyLoginPlatform;

  @Field({ description: "The App's id at the identity provider, e.g. a WeChat AppID (wx...)." })
  appId!: string;

  @Field(() => Date, { nullable: true, description: 'When the login was configured.' })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the app id or secret were last replaced.' })
  updatedAt!: Date | null;
}
