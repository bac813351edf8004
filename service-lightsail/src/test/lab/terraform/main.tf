# The learner's Lightsail server as Terraform: a key pair, an Ubuntu instance on the $5 plan using it, a static IP
# attached to it, for apply / plan / destroy.
variable "endpoint" { type = string }

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    lightsail = var.endpoint
  }
}

resource "aws_lightsail_key_pair" "seed" {
  name = "seed-key"
}

resource "aws_lightsail_instance" "web" {
  name              = "seed-web"
  availability_zone = "us-east-1a"
  blueprint_id      = "ubuntu_22_04"
  bundle_id         = "nano_3_0"
  key_pair_name     = aws_lightsail_key_pair.seed.name
  user_data         = "sudo apt-get install -y nginx"
  tags = {
    course = "django"
  }
}

resource "aws_lightsail_static_ip" "web" {
  name = "seed-ip"
}

resource "aws_lightsail_static_ip_attachment" "web" {
  static_ip_name = aws_lightsail_static_ip.web.name
  instance_name  = aws_lightsail_instance.web.name
}

output "public_ip" {
  value = aws_lightsail_static_ip.web.ip_address
}

output "attached_ip" {
  value = aws_lightsail_static_ip_attachment.web.ip_address
}

output "instance_arn" {
  value = aws_lightsail_instance.web.arn
}

output "private_key" {
  value     = aws_lightsail_key_pair.seed.private_key
  sensitive = true
}
