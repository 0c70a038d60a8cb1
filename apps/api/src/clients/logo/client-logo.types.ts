import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID } from 'class-validator';

/** A client's logo as staff see it (issue 13): what it is, who uploaded it, and the image itself. */
@ObjectType('ClientLogo')
export class ClientLogoType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field({ description: 'image/png or image/jpeg.' }) mediaType!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field(() => Int) byteSize!: number;
  @Field({ description: 'SHA-256 of the bytes: a sold invoice names the logo it printed by it.' }) sha256!: string;
  @Field() uploadedAt!: Date;
  @Field({ description: 'Who uploaded it: a member of staff, or the client through its integration.' }) uploadedBy!: string;
  @Field() contentBase64!: string;
}

/** The client's own view of its current logo (no staff names). */
@ObjectType('MyLogo')
export class MyLogoType {
  @Field(() => ID) id!: string;
  @Field() mediaType!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field(() => Int) byteSize!: number;
  @Field() sha256!: string;
  @Field() uploadedAt!: Date;
}

const CONTENT = 'The PNG or JPEG file as base64 (a data: URL is accepted), at most 256 KiB and 16 to 4000 pixels on each side.';

@ArgsType()
export class UploadClientLogoArgs {
  @Field(() => ID) @IsUUID('all', { message: 'clientId must be a client id (a UUID)' }) clientId!: string;
  @Field({ description: CONTENT }) @IsString() content!: string;
}

@ArgsType()
export class UploadMyLogoArgs {
  @Field({ description: CONTENT }) @IsString() content!: string;
}
